// The public API of pulumi-fc-async-invoke-config, in `@pulumi/alicloud`'s shapes: for each data source,
// its resource class (`new X(name, args, opts?)`), its invoke forms (`getX(args, opts?)` and
// `getXOutput(args, opts?)`) and their `XArgs`, `GetXArgs`, `GetXOutputArgs` and `GetXResult` types.

export {
    FunctionAsyncInvokeConfig,
    FunctionAsyncInvokeConfigs,
    type GetFunctionAsyncInvokeConfigOutputArgs,
    type GetFunctionAsyncInvokeConfigResult,
    type GetFunctionAsyncInvokeConfigsOutputArgs,
    type GetFunctionAsyncInvokeConfigsResult,
    getFunctionAsyncInvokeConfig,
    getFunctionAsyncInvokeConfigOutput,
    getFunctionAsyncInvokeConfigs,
    getFunctionAsyncInvokeConfigsOutput,
} from "./program/fc2DataSources";
export {
    type GetV3AsyncInvokeConfigOutputArgs,
    type GetV3AsyncInvokeConfigResult,
    type GetV3AsyncInvokeConfigsOutputArgs,
    type GetV3AsyncInvokeConfigsResult,
    getV3AsyncInvokeConfig,
    getV3AsyncInvokeConfigOutput,
    getV3AsyncInvokeConfigs,
    getV3AsyncInvokeConfigsOutput,
    V3AsyncInvokeConfig,
    V3AsyncInvokeConfigs,
} from "./program/fc3DataSources";
export {
    type AsyncInvokeConfigFields,
    type FunctionAsyncInvokeConfigArgs,
    type FunctionAsyncInvokeConfigOutputs,
    type GetFunctionAsyncInvokeConfigArgs,
} from "./dataSources/functionAsyncInvokeConfig";
export {
    type FunctionAsyncInvokeConfigEntry,
    type FunctionAsyncInvokeConfigsArgs,
    type FunctionAsyncInvokeConfigsOutputs,
    type GetFunctionAsyncInvokeConfigsArgs,
} from "./dataSources/functionAsyncInvokeConfigs";
export {
    type GetV3AsyncInvokeConfigArgs,
    type V3AsyncInvokeConfigArgs,
    type V3AsyncInvokeConfigFields,
    type V3AsyncInvokeConfigOutputs,
} from "./dataSources/asyncInvokeConfig";
export {
    type GetV3AsyncInvokeConfigsArgs,
    type V3AsyncInvokeConfigEntry,
    type V3AsyncInvokeConfigsArgs,
    type V3AsyncInvokeConfigsOutputs,
} from "./dataSources/asyncInvokeConfigs";
export { dataSourceProvider, functionAsyncInvokeConfigProvider } from "./host/directProvider";
export { DEFAULT_QUALIFIER, type DataSourceOptions, type Destination, type DestinationConfig, type ScopeArgs } from "./types";
export { ConfigurationError, FcError, type FcErrorDetails, type FcErrorKind, InvalidLookupError, type ServiceAnswer, type SettingProblem } from "./errors";
export { DEFAULT_TUNING, type Tuning } from "./settings/tuning";
export { CONFIG_KEYS } from "./settings/configKeys";
export { ENV_KEYS } from "./settings/environment";
export { type LookupInputs, RAM_ACTION } from "./deprecated";
