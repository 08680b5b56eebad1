// Names of earlier versions, kept for one minor version so that programs written against them still
// compile, with a deprecation warning in the editor. Each says what replaces it.

import { functionAsyncInvokeConfig, type FunctionAsyncInvokeConfigLookup } from "./dataSources/functionAsyncInvokeConfig";
import { type FunctionAsyncInvokeConfigsLookup } from "./dataSources/functionAsyncInvokeConfigs";
import { type AsyncInvokeConfigLookup, type V3AsyncInvokeConfigFields } from "./dataSources/asyncInvokeConfig";
import { type AsyncInvokeConfigsLookup, type V3AsyncInvokeConfigEntry } from "./dataSources/asyncInvokeConfigs";

/**
 * The RAM action FC 2.0's single read needs.
 *
 * @deprecated It names one read of four; the README's RAM table lists the action and resource of each.
 */
export const RAM_ACTION: string = functionAsyncInvokeConfig.ramAction;

/** @deprecated Renamed {@link FunctionAsyncInvokeConfigLookup}: in Pulumi, `XArgs` names a resource's inputs. */
export type FunctionAsyncInvokeConfigArgs = FunctionAsyncInvokeConfigLookup;

/** @deprecated Renamed {@link FunctionAsyncInvokeConfigsLookup}: in Pulumi, `XArgs` names a resource's inputs. */
export type FunctionAsyncInvokeConfigsArgs = FunctionAsyncInvokeConfigsLookup;

/** @deprecated Renamed {@link AsyncInvokeConfigLookup}: in Pulumi, `XArgs` names a resource's inputs. */
export type AsyncInvokeConfigArgs = AsyncInvokeConfigLookup;

/** @deprecated Renamed {@link AsyncInvokeConfigsLookup}: in Pulumi, `XArgs` names a resource's inputs. */
export type AsyncInvokeConfigsArgs = AsyncInvokeConfigsLookup;

/** @deprecated Renamed {@link V3AsyncInvokeConfigFields}, so that FC 3.0's fields are not one word away from FC 2.0's `AsyncInvokeConfigFields`. */
export type AsyncConfigFields = V3AsyncInvokeConfigFields;

/** @deprecated Renamed {@link V3AsyncInvokeConfigEntry}. */
export type AsyncConfigEntry = V3AsyncInvokeConfigEntry;
