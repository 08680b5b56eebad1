// Paging of the FC stand-in's list operations, through the real SDKs: FC 2.0 ListFunctionAsyncInvokeConfigs
// (@alicloud/fc-open20210406) and FC 3.0 ListAsyncInvokeConfigs (@alicloud/fc20230330). Both views run the
// same edge cases; each config is told apart by its maxAsyncEventAgeInSeconds, set to its list position + 1.

import * as assert from "node:assert/strict";

import FC, * as $FC from "@alicloud/fc-open20210406";
import * as $OpenApi from "@alicloud/openapi-client";

import type { FcEmulator } from "../../provider/emulator";
import { useFcEmulator } from "../support/emulatorSuite";
import { fc3Client, fc3List, fc3ListAll } from "../support/fc3Sdk";

/** One page as a test reads it: the configs' ages (their identities) and the token. */
interface PageSeen {
    ages: number[];
    nextToken?: string;
}

/** A refusal as a test reads it, whichever error style carried it. */
interface RefusalSeen {
    status: number;
    code: string;
    message: string;
}

/** One API version's list: how to arrange N configs on a function, fetch a page, and read a refusal. */
interface ListView {
    name: string;
    arrange(fc: FcEmulator, fn: string, count: number): void;
    page(fc: FcEmulator, fn: string, limit?: number, nextToken?: string): Promise<PageSeen>;
    /** The path of this view's list requests, to count them in the request log. */
    listPath(fn: string): string;
    refusal(promise: Promise<unknown>): Promise<RefusalSeen>;
}

const SERVICE = "paging";

/** Gives the i-th config (in list order) the age i + 1. */
const byPosition = { config: (_qualifier: string, index: number) => ({ maxAsyncEventAgeInSeconds: index + 1 }) };

async function thrown(promise: Promise<unknown>): Promise<Error & { code?: string; statusCode?: number; data?: Record<string, unknown> }> {
    try {
        await promise;
    } catch (error) {
        assert.ok(error instanceof Error);
        return error;
    }
    return assert.fail("expected the call to be refused");
}

const fc2: ListView = {
    name: "FC 2.0 ListFunctionAsyncInvokeConfigs",
    arrange: (fc, fn, count) => void fc.store.putFunctionWithQualifiers(SERVICE, fn, count, byPosition),
    page: async (fc, fn, limit, nextToken) => {
        const client = new FC(new $OpenApi.Config({ endpoint: fc.host, protocol: "http", accessKeyId: fc.accessKeyId, accessKeySecret: fc.accessKeySecret }));
        const body = (await client.listFunctionAsyncInvokeConfigs(SERVICE, fn, new $FC.ListFunctionAsyncInvokeConfigsRequest({ limit, nextToken }))).body;
        return { ages: (body.configs ?? []).map((c) => c.maxAsyncEventAgeInSeconds ?? -1), nextToken: body.nextToken };
    },
    listPath: (fn) => `/2021-04-06/services/${SERVICE}/functions/${fn}/async-invoke-configs`,
    refusal: async (promise) => {
        // FC-style bodies: the SDK leaves the code to err.data.
        const data = (await thrown(promise)).data ?? {};
        return { status: Number(data["statusCode"]), code: String(data["ErrorCode"]), message: String(data["ErrorMessage"]) };
    },
};

const fc3: ListView = {
    name: "FC 3.0 ListAsyncInvokeConfigs",
    arrange: (fc, fn, count) => void fc.store.fc3.putFunctionWithQualifiers(fn, count, byPosition),
    page: async (fc, fn, limit, nextToken) => {
        const body = (await fc3List(fc3Client(fc), { functionName: fn, limit, nextToken })).body;
        return { ages: (body?.configs ?? []).map((c) => c.maxAsyncEventAgeInSeconds ?? -1), nextToken: body?.nextToken };
    },
    listPath: () => "/2023-03-30/async-invoke-configs",
    refusal: async (promise) => {
        const error = await thrown(promise);
        return { status: Number(error.statusCode), code: String(error.code), message: String(error.data?.["Message"]) };
    },
};

/** Follows every token from the first page; fails on a loop rather than spinning forever. */
async function allPages(view: ListView, fc: FcEmulator, fn: string, limit?: number): Promise<PageSeen[]> {
    const pages: PageSeen[] = [];
    let nextToken: string | undefined;
    do {
        const page = await view.page(fc, fn, limit, nextToken);
        pages.push(page);
        nextToken = page.nextToken;
        assert.ok(pages.length <= 600, "the tokens never end");
    } while (nextToken !== undefined);
    return pages;
}

/** 1 … n. */
function range(n: number): number[] {
    return Array.from({ length: n }, (_, i) => i + 1);
}

for (const view of [fc2, fc3]) {
    describe(`fc-emulator paging: ${view.name}`, () => {
        const s = useFcEmulator();

        it("answers a function with no configs with one empty page and no token", async () => {
            view.arrange(s.fc, "none", 0);
            assert.deepEqual(await allPages(view, s.fc, "none", 3), [{ ages: [], nextToken: undefined }]);
        });

        it("gives exactly one page, without a token, when the configs fill it exactly", async () => {
            view.arrange(s.fc, "three", 3);
            assert.deepEqual(await allPages(view, s.fc, "three", 3), [{ ages: [1, 2, 3], nextToken: undefined }]);
        });

        it("ends on a full page at n = k * limit, without an empty page after it", async () => {
            view.arrange(s.fc, "six", 6);
            const pages = await allPages(view, s.fc, "six", 3);
            assert.deepEqual(
                pages.map((p) => p.ages),
                [
                    [1, 2, 3],
                    [4, 5, 6],
                ],
            );
            assert.equal(pages[1].nextToken, undefined);
        });

        it("ends on a partial last page", async () => {
            view.arrange(s.fc, "seven", 7);
            assert.deepEqual(
                (await allPages(view, s.fc, "seven", 3)).map((p) => p.ages),
                [[1, 2, 3], [4, 5, 6], [7]],
            );
        });

        it("yields every config exactly once and in order, 20 a page by default", async () => {
            view.arrange(s.fc, "fifty", 50);
            const pages = await allPages(view, s.fc, "fifty");
            assert.deepEqual(
                pages.map((p) => p.ages.length),
                [20, 20, 10],
            );
            assert.deepEqual(
                pages.flatMap((p) => p.ages),
                range(50),
            );
        });

        it("lists 500 configs in 5 requests of 100, as the request log counts them", async () => {
            view.arrange(s.fc, "many", 500);
            s.fc.resetLog();
            const pages = await allPages(view, s.fc, "many", 100);
            assert.deepEqual(
                pages.flatMap((p) => p.ages),
                range(500),
            );
            const lists = s.fc.requests.filter((r) => r.path === view.listPath("many"));
            assert.equal(lists.length, 5);
            assert.deepEqual(
                lists.map((r) => r.query["limit"]),
                ["100", "100", "100", "100", "100"],
            );
            assert.equal(lists.filter((r) => r.query["nextToken"] !== undefined).length, 4);
        });

        it("gives opaque tokens that are the same every time for the same position", async () => {
            view.arrange(s.fc, "four", 4);
            const first = await view.page(s.fc, "four", 2);
            const again = await view.page(s.fc, "four", 2);
            assert.ok(first.nextToken !== undefined);
            assert.equal(again.nextToken, first.nextToken);
            // The next page starts at alias-3; the token must not be that name, nor spell it out.
            assert.ok(!first.nextToken.includes("alias-3") && !first.nextToken.includes("alias"), first.nextToken);
            assert.deepEqual((await view.page(s.fc, "four", 2, first.nextToken)).ages, [3, 4]);
        });

        it("keeps a token valid when the config it resumes at is deleted meanwhile", async () => {
            view.arrange(s.fc, "five", 5);
            const first = await view.page(s.fc, "five", 2);
            s.fc.store.deleteAsyncConfig(SERVICE, "five", "alias-3");
            s.fc.store.fc3.deleteAsyncConfig("five", "alias-3");
            assert.deepEqual((await view.page(s.fc, "five", 2, first.nextToken)).ages, [4, 5]);
        });

        it("refuses forged, garbled and foreign tokens with 400 InvalidArgument naming nextToken", async () => {
            view.arrange(s.fc, "mine", 4);
            view.arrange(s.fc, "other", 4);
            const token = (await view.page(s.fc, "mine", 2)).nextToken ?? assert.fail("no token");
            const [payload, tag] = token.split(".");
            const flipped = `${tag.slice(0, -1)}${tag.endsWith("A") ? "B" : "A"}`;
            const forged = [
                "garbage",
                "alias-3",
                `${payload}.${flipped}`,
                // Another position under the real tag: the client cannot move a token.
                `${Buffer.from(JSON.stringify(["alias-4"])).toString("base64url")}.${tag}`,
                `${Buffer.from(JSON.stringify(["mine", "alias-4"])).toString("base64url")}.${tag}`,
                `${payload}.`,
                `.${tag}`,
                `${token}x`,
            ];
            for (const bad of forged) {
                const refusal = await view.refusal(view.page(s.fc, "mine", 2, bad));
                assert.deepEqual([refusal.status, refusal.code], [400, "InvalidArgument"], bad);
                assert.match(refusal.message, /nextToken/, bad);
            }
            // A real token, but of another list.
            const foreign = await view.refusal(view.page(s.fc, "other", 2, token));
            assert.deepEqual([foreign.status, foreign.code], [400, "InvalidArgument"]);
        });

        it("refuses a limit outside 1-100 with 400 InvalidArgument", async () => {
            view.arrange(s.fc, "limits", 1);
            for (const limit of [0, 101]) {
                const refusal = await view.refusal(view.page(s.fc, "limits", limit));
                assert.deepEqual([refusal.status, refusal.code], [400, "InvalidArgument"], String(limit));
                assert.match(refusal.message, /limit/);
            }
            assert.deepEqual((await view.page(s.fc, "limits", 100)).ages, [1]);
        });
    });
}

describe("fc-emulator paging: FC 3.0 across functions", () => {
    const s = useFcEmulator();

    it("without functionName lists every FC 3.0 function's configs, by function then qualifier, across page boundaries", async () => {
        s.fc.store.fc3.putFunctionWithQualifiers("a-first", 3, { config: (_q, i) => ({ maxAsyncEventAgeInSeconds: 10 + i }) });
        const pages = await fc3ListAll(fc3Client(s.fc), { limit: 2 });
        const seen = pages.flatMap((p) => (p.configs ?? []).map((c) => `${String(c.functionArn).split("/").pop()}:${c.maxAsyncEventAgeInSeconds}`));
        // The sample seed's FC 3.0 configs follow: fc3-hello@LATEST (300 s), fc3-hello@prod (3600 s), fc3-zero@LATEST (60 s).
        assert.deepEqual(seen, ["a-first:10", "a-first:11", "a-first:12", "fc3-hello:300", "fc3-hello:3600", "fc3-zero:60"]);
        assert.deepEqual(
            pages.map((p) => p.configs?.length),
            [2, 2, 2],
        );
    });

    it("does not take a token of one function's list for the list of every function", async () => {
        s.fc.store.fc3.putFunctionWithQualifiers("a-first", 3);
        const token = (await fc3List(fc3Client(s.fc), { functionName: "a-first", limit: 1 })).body?.nextToken;
        assert.ok(token !== undefined);
        const refusal = await fc3.refusal(fc3List(fc3Client(s.fc), { limit: 1, nextToken: token }));
        assert.deepEqual([refusal.status, refusal.code], [400, "InvalidArgument"]);
    });
});
