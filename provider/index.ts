// The public API of pulumi-fc-async-invoke-config: for each data source, its resource form (a class
// and `getX(name, args)`), its invoke forms (`getX(args)` and `getXOutput(args)`) and its types.

export {
    FunctionAsyncInvokeConfig,
    FunctionAsyncInvokeConfigs,
    type GetFunctionAsyncInvokeConfigResult,
    getFunctionAsyncInvokeConfig,
    getFunctionAsyncInvokeConfigOutput,
    type ListFunctionAsyncInvokeConfigsResult,
    listFunctionAsyncInvokeConfigs,
    listFunctionAsyncInvokeConfigsOutput,
} from "./program/fc2DataSources";
export {
    AsyncInvokeConfig,
    AsyncInvokeConfigs,
    type GetAsyncInvokeConfigResult,
    getAsyncInvokeConfig,
    getAsyncInvokeConfigOutput,
    type ListAsyncInvokeConfigsResult,
    listAsyncInvokeConfigs,
    listAsyncInvokeConfigsOutput,
} from "./program/fc3DataSources";
export {
    type AsyncInvokeConfigFields,
    type FunctionAsyncInvokeConfigLookup,
    type FunctionAsyncInvokeConfigOutputs,
    type GetFunctionAsyncInvokeConfigArgs,
    type LookupInputs,
} from "./dataSources/functionAsyncInvokeConfig";
export {
    type FunctionAsyncInvokeConfigEntry,
    type FunctionAsyncInvokeConfigsLookup,
    type FunctionAsyncInvokeConfigsOutputs,
    type ListFunctionAsyncInvokeConfigsArgs,
} from "./dataSources/functionAsyncInvokeConfigs";
export {
    type V3AsyncInvokeConfigFields,
    type AsyncInvokeConfigLookup,
    type AsyncInvokeConfigOutputs,
    type GetAsyncInvokeConfigArgs,
} from "./dataSources/asyncInvokeConfig";
export {
    type V3AsyncInvokeConfigEntry,
    type AsyncInvokeConfigsLookup,
    type AsyncInvokeConfigsOutputs,
    type ListAsyncInvokeConfigsArgs,
} from "./dataSources/asyncInvokeConfigs";
export {
    type DataSourceFunction,
    type DataSourceInvokeOptions,
    type DataSourceOutputFunction,
    type DataSourceResourceClass,
    type InvokeResult,
    type OutputsOf,
    type PlainArgs,
} from "./program/forms";
export { dataSourceProvider, functionAsyncInvokeConfigProvider } from "./host/directProvider";
export { DEFAULT_QUALIFIER, type DataSourceOptions, type Destination, type DestinationConfig, type Scope, type ScopeArgs } from "./types";
export { ConfigurationError, FcError, type FcErrorDetails, type FcErrorKind, InvalidLookupError, type ServiceAnswer, type SettingProblem } from "./errors";
export { DEFAULT_TUNING, type Tuning } from "./settings/tuning";
export { CONFIG_KEYS } from "./settings/configKeys";
export { ENV_KEYS } from "./settings/environment";
export {
    type AsyncConfigEntry,
    type AsyncConfigFields,
    type AsyncInvokeConfigArgs,
    type AsyncInvokeConfigsArgs,
    type FunctionAsyncInvokeConfigArgs,
    type FunctionAsyncInvokeConfigsArgs,
    RAM_ACTION,
} from "./deprecated";
