// Entry point for `pulumi preview` / `pulumi up` of the audit (point a Pulumi.yaml's `main` at this file).
// The Node.js runtime calls an exported function and uses what it returns as the stack outputs; a
// rejected promise fails the command with its message.

import { auditExample } from "./program";

export = auditExample;
