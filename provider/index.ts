// The public API of pulumi-fc-async-invoke-config.

export { getFunctionAsyncInvokeConfig, FunctionAsyncInvokeConfig } from "./resource";
export { functionAsyncInvokeConfigProvider } from "./provider";
export {
    DEFAULT_QUALIFIER,
    AsyncInvokeConfigFields,
    DataSourceOptions,
    Destination,
    DestinationConfig,
    FunctionAsyncInvokeConfigOutputs,
    GetFunctionAsyncInvokeConfigArgs,
    LookupInputs,
} from "./types";
export { ConfigurationError, FcError, FcErrorDetails, FcErrorKind, InvalidLookupError, RAM_ACTION, ServiceAnswer, SettingProblem } from "./errors";
export { CONFIG_KEYS, DEFAULT_TUNING, Tuning } from "./stackSettings";
export { ENV_KEYS } from "./environment";
