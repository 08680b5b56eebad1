// How the one-shot command prints a read and a drift: JSON with a stable key order (what `check`
// compares), or one aligned `path  value` line per field, which reads and greps well; and the fields in
// which a saved read and a fresh one differ.

/** The outputs as `--json` prints them: keys sorted at every level, two-space indent. */
export function toJson(outputs: unknown): string {
    return `${JSON.stringify(sorted(outputs), null, 2)}\n`;
}

/** One `path  value` line per leaf, e.g. `destinationConfig.onFailure.destination  acs:mns:…`. */
export function toText(outputs: unknown): string {
    const rows = leaves(sorted(outputs), "");
    const width = Math.max(0, ...rows.map(([path]) => path.length));
    return rows.map(([path, value]) => `${path.padEnd(width)}  ${value}`).join("\n") + "\n";
}

/** Every field in which `saved` and `now` differ, as `path: saved -> now` (absent when missing). */
export function differences(saved: unknown, now: unknown): string[] {
    const [before, after] = [new Map(leaves(sorted(saved), "")), new Map(leaves(sorted(now), ""))];
    const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
    return paths
        .filter((path) => before.get(path) !== after.get(path))
        .map((path) => `${path}: ${before.get(path) ?? "absent"} -> ${after.get(path) ?? "absent"}`);
}

function sorted(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(sorted);
    }
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(
            Object.entries(value)
                .filter(([, v]) => v !== undefined)
                .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
                .map(([k, v]) => [k, sorted(v)]),
        );
    }
    return value;
}

function leaves(value: unknown, path: string): Array<[string, string]> {
    if (Array.isArray(value)) {
        return value.length === 0 ? [[path, "[]"]] : value.flatMap((item, i) => leaves(item, `${path}[${i}]`));
    }
    if (value !== null && typeof value === "object") {
        const entries = Object.entries(value);
        return entries.length === 0 ? [[path, "{}"]] : entries.flatMap(([key, inner]) => leaves(inner, path === "" ? key : `${path}.${key}`));
    }
    return [[path, typeof value === "string" ? value : JSON.stringify(value)]];
}
