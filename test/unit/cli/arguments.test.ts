// The one-shot command's command line: every flag is checked before anything is read, and a bad one is
// named in the message.

import * as assert from "node:assert/strict";
import { parseCommand, UsageError } from "../../../provider/cli/arguments";
import { differences, toJson, toText } from "../../../provider/cli/output";

describe("the one-shot command's arguments", () => {
    it("map each read's flags onto the data source's arguments", () => {
        assert.deepEqual(parseCommand(["get", "--service", "s", "--function=f", "--qualifier", "prod", "--json"]), {
            kind: "read",
            name: "get",
            args: { serviceName: "s", functionName: "f", qualifier: "prod" },
            json: true,
        });
        assert.deepEqual(parseCommand(["list-v3", "--region", "cn-beijing", "--account-id", "123", "--endpoint", "https://x"]), {
            kind: "read",
            name: "list-v3",
            args: { region: "cn-beijing", accountId: "123", endpoint: "https://x" },
            json: false,
        });
    });

    it("read check's file, then the read it compares", () => {
        const command = parseCommand(["check", "saved.json", "get-v3", "--function", "f"]);
        assert.deepEqual(command, { kind: "check", file: "saved.json", read: { kind: "read", name: "get-v3", args: { functionName: "f" }, json: false } });
    });

    it("take the emulator's port and quiet flag", () => {
        assert.deepEqual(parseCommand(["emulator"]), { kind: "emulator", port: 9000, quiet: false });
        assert.deepEqual(parseCommand(["emulator", "--port", "0", "--quiet"]), { kind: "emulator", port: 0, quiet: true });
    });

    it("refuse what cannot run, naming the flag or word", () => {
        const refused: Array<[string[], RegExp]> = [
            [["get", "--service", "s"], /get needs --function/],
            [["list"], /list needs --service and --function/],
            [["get", "--service", "s", "--function", "f", "--fuction", "g"], /get has no flag --fuction/],
            [["get", "--service"], /--service needs a value/],
            [["get", "--service", "s", "--service", "t", "--function", "f"], /--service is given twice/],
            [["get", "s", "f"], /unexpected "s"; flags start with --/],
            [["describe"], /unknown command "describe"/],
            [["check"], /check needs the saved JSON file first/],
            [["check", "saved.json", "emulator"], /check compares a read/],
            [["emulator", "--port", "70000"], /--port must be a whole number from 0 to 65535/],
            [["get-v3", "--function", "", "--json"], /--function needs a value/],
        ];
        for (const [argv, message] of refused) {
            assert.throws(
                () => parseCommand(argv),
                (error: unknown) => error instanceof UsageError && message.test(error.message),
                argv.join(" "),
            );
        }
    });

    it("answer help and version", () => {
        assert.deepEqual([parseCommand([]), parseCommand(["--help"]), parseCommand(["--version"])], [{ kind: "help" }, { kind: "help" }, { kind: "version" }]);
    });
});

describe("the one-shot command's output", () => {
    const read = {
        serviceName: "s",
        maxAsyncRetryAttempts: 0,
        destinationConfig: { onFailure: { destination: "q" } },
        statefulInvocation: false,
        createdTime: undefined,
    };

    it("prints JSON with sorted keys, and text as one aligned line per field, keeping 0 and false", () => {
        assert.equal(
            toJson(read),
            '{\n  "destinationConfig": {\n    "onFailure": {\n      "destination": "q"\n    }\n  },\n  "maxAsyncRetryAttempts": 0,\n  "serviceName": "s",\n  "statefulInvocation": false\n}\n',
        );
        assert.equal(
            toText(read),
            "destinationConfig.onFailure.destination  q\nmaxAsyncRetryAttempts                    0\nserviceName                              s\nstatefulInvocation                       false\n",
        );
        assert.equal(toText({ configs: [] }), "configs  []\n");
    });

    it("names each field that differs, and fields present on one side only", () => {
        const now = { ...read, maxAsyncRetryAttempts: 2, destinationConfig: {} };
        assert.deepEqual(differences(JSON.parse(toJson(read)), now), [
            "destinationConfig: absent -> {}",
            "destinationConfig.onFailure.destination: q -> absent",
            "maxAsyncRetryAttempts: 0 -> 2",
        ]);
        assert.deepEqual(differences(read, read), []);
    });
});
