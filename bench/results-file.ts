// bench/RESULTS.md holds the figures of two commands: `npm run bench` writes the whole file, and
// `npm run chaos` writes one section of it, between markers. Each keeps the other's part.

import * as fs from "node:fs";

const BEGIN = "<!-- chaos:begin: written by `npm run chaos`, kept by `npm run bench` -->";
const END = "<!-- chaos:end -->";

/** The chaos section in `text`, markers included, if there is one. */
export function chaosSection(text: string): string | undefined {
    const begin = text.indexOf(BEGIN);
    const end = text.indexOf(END, begin);
    return begin === -1 || end === -1 ? undefined : text.slice(begin, end + END.length);
}

/** `report` (a whole RESULTS.md) with the chaos section of the file it replaces, if that had one. */
export function keepingChaosSection(report: string, file: string): string {
    const kept = fs.existsSync(file) ? chaosSection(fs.readFileSync(file, "utf8")) : undefined;
    return kept === undefined ? report : `${report.trimEnd()}\n\n${kept}\n`;
}

/** Writes `markdown` as the chaos section of `file`: in place of the old one, else at the end. */
export function writeChaosSection(file: string, markdown: string): void {
    const section = `${BEGIN}\n${markdown.trim()}\n${END}`;
    const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
    const old = chaosSection(text);
    fs.writeFileSync(file, old === undefined ? `${text.trimEnd()}\n\n${section}\n` : text.replace(old, () => section));
}
