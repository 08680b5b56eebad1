// docs/configuration.md, which the README links for every key, is the map of @pulumi/alicloud's config:
// every key the installed @pulumi/alicloud declares is listed, as supported or as ignored with a reason,
// and each tuning key with the default and bounds the code has.

import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { CONFIG_KEYS } from "../../provider/settings/configKeys";
import { DEFAULT_TUNING, type Tuning, TUNING_BOUNDS } from "../../provider/settings/tuning";

const ROOT = path.resolve(__dirname, "..", "..");

/** The config keys @pulumi/alicloud declares (config/vars.d.ts: `export declare const <key>`). */
function pulumiAlicloudKeys(): string[] {
    const vars = fs.readFileSync(require.resolve("@pulumi/alicloud/config/vars.d.ts"), "utf8");
    return [...vars.matchAll(/^export declare const (\w+)/gm)].map((m) => m[1]);
}

/** docs/configuration.md, which the README's Configuration section links. */
function configurationSection(): string {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    assert.ok(readme.includes("(docs/configuration.md)"), "the README links docs/configuration.md");
    return fs.readFileSync(path.join(ROOT, "docs", "configuration.md"), "utf8");
}

describe("the configuration reference (docs/configuration.md)", () => {
    it("lists every @pulumi/alicloud config key in its table, each as supported or ignored", () => {
        const keys = pulumiAlicloudKeys();
        assert.ok(keys.length >= 28, `only ${keys.length} keys found in @pulumi/alicloud's config`);
        const table = configurationSection()
            .split("\n")
            .filter((line) => line.startsWith("| `alicloud:"));
        for (const key of keys) {
            const row = table.find((line) => line.split("|")[1].includes(`\`alicloud:${key}\``));
            assert.ok(row !== undefined, `alicloud:${key} is not in docs/configuration.md's table of @pulumi/alicloud keys`);
            assert.match(
                row,
                /\| (supported|`fc` and `sts` entries supported|ignored: .{10,})/,
                `alicloud:${key}: neither supported nor ignored with a reason: ${row}`,
            );
        }
    });

    it("lists as supported only keys the provider reads", () => {
        const read = new Set<string>(Object.values(CONFIG_KEYS));
        const supported = configurationSection()
            .split("\n")
            .filter((line) => line.startsWith("| `alicloud:") && /supported/.test(line.split("|")[2]))
            .flatMap((line) => [...line.split("|")[1].matchAll(/`(alicloud:\w+)`/g)].map((m) => m[1]));
        assert.ok(supported.length >= 14);
        for (const key of supported) {
            assert.ok(read.has(key), `${key} is listed as supported but CONFIG_KEYS does not read it`);
        }
    });

    it("states each tuning setting's default and bounds as settings/tuning.ts has them", () => {
        const rows = configurationSection()
            .split("\n")
            .filter((line) => line.includes("`fcAsyncInvokeConfig:"));
        for (const name of Object.keys(DEFAULT_TUNING) as (keyof Tuning)[]) {
            const row = rows.find((line) => line.split("|")[2]?.trim() === `\`${CONFIG_KEYS[name]}\``);
            assert.ok(row !== undefined, `${CONFIG_KEYS[name]} has no row in docs/configuration.md's tuning table`);
            const { min, max, integer } = TUNING_BOUNDS[name];
            const cell = row.split("|")[3].trim();
            assert.ok(cell.startsWith(`\`${DEFAULT_TUNING[name]}\` (${min}-${max}`), `${CONFIG_KEYS[name]}: docs/configuration.md says ${cell}`);
            assert.equal(cell.includes("whole"), integer, `${CONFIG_KEYS[name]}: whole numbers only is ${integer}: ${cell}`);
        }
    });
});
