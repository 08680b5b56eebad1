// The stack config keys this provider reads: the `alicloud:*` keys `@pulumi/alicloud` users already set
// (same names, same shapes) and this provider's own `fcAsyncInvokeConfig:*` tuning (tuning.ts).

/**
 * The stack config keys this provider reads, with the namespace `@pulumi/alicloud` uses.
 *
 * @group Configuration
 */
export const CONFIG_KEYS = {
    region: "alicloud:region",
    accountId: "alicloud:accountId",
    accessKey: "alicloud:accessKey",
    secretKey: "alicloud:secretKey",
    securityToken: "alicloud:securityToken",
    profile: "alicloud:profile",
    sharedCredentialsFile: "alicloud:sharedCredentialsFile",
    credentialsUri: "alicloud:credentialsUri",
    ecsRoleName: "alicloud:ecsRoleName",
    assumeRole: "alicloud:assumeRole",
    assumeRoleWithOidc: "alicloud:assumeRoleWithOidc",
    endpoints: "alicloud:endpoints",
    /** Deprecated in @pulumi/alicloud in favour of `alicloud:endpoints[].fc`; still read. */
    fc: "alicloud:fc",
    protocol: "alicloud:protocol",
    maxConcurrentRequests: "fcAsyncInvokeConfig:maxConcurrentRequests",
    timeoutSeconds: "fcAsyncInvokeConfig:timeoutSeconds",
    maxAttempts: "fcAsyncInvokeConfig:maxAttempts",
    retryBudgetSeconds: "fcAsyncInvokeConfig:retryBudgetSeconds",
    pageSize: "fcAsyncInvokeConfig:pageSize",
    maxPages: "fcAsyncInvokeConfig:maxPages",
    allowInsecureHttp: "fcAsyncInvokeConfig:allowInsecureHttp",
} as const;

/** Reads one stack config value; the shape of `pulumi.dynamic.Config`. Structured values may arrive as objects or as JSON text. */
export interface ConfigSource {
    get(key: string): string | undefined;
}
