// `bin/provider/implementation`: the module the serialized loaders of the earliest builds required by
// package path, calling `read(id, props)` and `create()` without a data-source key. It stays at this
// path, serving those calls as 0.1.0's host does, so that their state still refreshes; the provider
// lives in host/.

import type { ProviderHost } from "./program/loader";
import { FIRST_DATA_SOURCE, keyedRead } from "./host/legacyCalls";
import * as provider from "./host/provider";

export { configure } from "./host/provider";

/** {@link provider.read}; a call without a key reads the FC 2.0 single config. */
export const read: ProviderHost["read"] = (...call) => provider.read(...keyedRead(call));

/** {@link provider.create}: always refuses. */
export const create: ProviderHost["create"] = (key = FIRST_DATA_SOURCE) => provider.create(key);
