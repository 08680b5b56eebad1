// The public API of pulumi-fc-async-invoke-config: for each data source, its resource form (a class
// and `getX(name, args)`), its invoke forms (`getX(args)` and `getXOutput(args)`) and its types.

export {
    FunctionAsyncInvokeConfig,
    type FunctionAsyncInvokeConfigArgs,
    type GetFunctionAsyncInvokeConfigResult,
    getFunctionAsyncInvokeConfig,
    getFunctionAsyncInvokeConfigOutput,
} from "./dataSources/functionAsyncInvokeConfig";
export {
    FunctionAsyncInvokeConfigs,
    type FunctionAsyncInvokeConfigEntry,
    type FunctionAsyncInvokeConfigsArgs,
    type FunctionAsyncInvokeConfigsOutputs,
    type ListFunctionAsyncInvokeConfigsArgs,
    type ListFunctionAsyncInvokeConfigsResult,
    listFunctionAsyncInvokeConfigs,
    listFunctionAsyncInvokeConfigsOutput,
} from "./dataSources/functionAsyncInvokeConfigs";
export {
    AsyncInvokeConfig,
    type AsyncConfigFields,
    type AsyncInvokeConfigArgs,
    type AsyncInvokeConfigOutputs,
    type GetAsyncInvokeConfigArgs,
    type GetAsyncInvokeConfigResult,
    getAsyncInvokeConfig,
    getAsyncInvokeConfigOutput,
} from "./dataSources/asyncInvokeConfig";
export {
    AsyncInvokeConfigs,
    type AsyncConfigEntry,
    type AsyncInvokeConfigsArgs,
    type AsyncInvokeConfigsOutputs,
    type ListAsyncInvokeConfigsArgs,
    type ListAsyncInvokeConfigsResult,
    listAsyncInvokeConfigs,
    listAsyncInvokeConfigsOutput,
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
export {
    DEFAULT_QUALIFIER,
    type AsyncInvokeConfigFields,
    type DataSourceOptions,
    type Destination,
    type DestinationConfig,
    type FunctionAsyncInvokeConfigOutputs,
    type GetFunctionAsyncInvokeConfigArgs,
    type LookupInputs,
    type Scope,
    type ScopeArgs,
} from "./types";
export {
    ConfigurationError,
    FcError,
    type FcErrorDetails,
    type FcErrorKind,
    InvalidLookupError,
    RAM_ACTION,
    type ServiceAnswer,
    type SettingProblem,
} from "./errors";
export { CONFIG_KEYS, DEFAULT_TUNING, type Tuning } from "./settings/stackSettings";
export { ENV_KEYS } from "./settings/environment";
