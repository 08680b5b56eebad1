// Entry point for `pulumi preview` / `pulumi up` in the repository root (see ../../Pulumi.yaml).
// The Node.js runtime calls an exported function and uses what it returns as the stack outputs.

import { basicExample } from "./program";

export = basicExample;
