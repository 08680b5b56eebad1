// Names of 0.1.0, kept for one minor version so that programs written against it still compile, with a
// deprecation warning in the editor. Each says what replaces it. (0.1.0's resource form
// `getFunctionAsyncInvokeConfig(name, args)` is a deprecated overload in program/fc2DataSources.ts.)

import { functionAsyncInvokeConfig, type GetFunctionAsyncInvokeConfigArgs } from "./dataSources/functionAsyncInvokeConfig";

/**
 * The RAM action FC 2.0's single read needs.
 *
 * @deprecated It names one read of four; the README's least-privilege policy lists the action and resource of each.
 *
 * @group Deprecated
 */
export const RAM_ACTION: string = functionAsyncInvokeConfig.ramAction;

/**
 * @deprecated Renamed {@link GetFunctionAsyncInvokeConfigArgs}: the plain arguments of the FC 2.0 single read.
 *
 * @group Deprecated
 */
export type LookupInputs = GetFunctionAsyncInvokeConfigArgs;
