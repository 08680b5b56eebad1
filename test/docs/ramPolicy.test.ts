// The README's least-privilege RAM policy is the one the code needs: its FC actions are exactly the ones
// the data-source descriptions name, each data source's own resource is allowed by a statement that grants
// its action, and the only STS action is the one role assumption needs (account discovery needs none).

import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { DATA_SOURCES } from "../../provider/dataSources";
import type { Target } from "../../provider/settings/target";

interface Statement {
    Effect: string;
    Action: string[];
    Resource: string[];
}

/** The README's policy: the ```json block of its "Least-privilege RAM policy" section. */
function readmePolicy(): { Version: string; Statement: Statement[] } {
    const readme = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Least-privilege RAM policy"));
    const json = /```json\n([\s\S]*?)```/.exec(section)?.[1];
    assert.ok(json !== undefined, "the section has a json block");
    return JSON.parse(json) as { Version: string; Statement: Statement[] };
}

/** Whether a RAM resource pattern (`*` matches anything) matches `resource`. */
function matches(pattern: string, resource: string): boolean {
    const regex = new RegExp(`^${pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
    return regex.test(resource);
}

describe("the README's least-privilege RAM policy", () => {
    const policy = readmePolicy();
    const allowed = policy.Statement.filter((s) => s.Effect === "Allow");
    // The policy's placeholders: the README names this region, account and service.
    const target = { region: "cn-hangzhou", accountId: "1234567890123456" } as Target;
    const lookup = { serviceName: "orders", functionName: "process-order", qualifier: "prod", region: target.region, accountId: target.accountId };

    it("is a RAM policy document that only allows", () => {
        assert.equal(policy.Version, "1");
        assert.ok(allowed.length === policy.Statement.length && allowed.length > 0);
    });

    it("grants exactly the FC actions the data sources name, and only sts:AssumeRole beside them", () => {
        const actions = new Set(allowed.flatMap((s) => s.Action));
        const fc = [...actions].filter((a) => a.startsWith("fc:")).sort();
        assert.deepEqual(fc, [...new Set(DATA_SOURCES.map((d) => d.ramAction))].sort());
        assert.deepEqual([...actions].filter((a) => !a.startsWith("fc:")), ["sts:AssumeRole"]);
    });

    it("allows each data source's action on the resource it reads (FC 2.0's without the `*` statement)", () => {
        for (const source of DATA_SOURCES) {
            const resource = source.ramResource(lookup, target);
            // FC 3.0's resource is `*` with why in words: only a statement on `*` takes effect.
            const wanted = resource.startsWith("* ") ? "*" : resource;
            // FC 2.0's reads must be allowed without the `*` statement, which the README keeps only for FC 3.0.
            const granting = allowed.filter(
                (s) => s.Action.includes(source.ramAction) && s.Resource.some((p) => (wanted === "*" ? p === "*" : p !== "*" && matches(p, wanted))),
            );
            assert.ok(granting.length > 0, `${source.typeName}: nothing allows ${source.ramAction} on ${wanted}`);
        }
    });

    it("scopes the FC 2.0 statement to one service: another service's function is not matched", () => {
        const scoped = allowed.filter((s) => s.Resource.every((r) => r !== "*") && s.Action.some((a) => a.startsWith("fc:")));
        assert.equal(scoped.length, 1);
        const other = DATA_SOURCES[0].ramResource({ ...lookup, serviceName: "billing" } as never, target);
        assert.ok(!scoped[0].Resource.some((p) => matches(p, other)), other);
    });
});
