export declare const demoAccount: { email: string; password: string };
export declare function waitForHealth(baseUrl: string, seconds: number, isAlive?: () => boolean): Promise<unknown>;
export declare function signInWithDemoAccount(baseUrl: string, account?: { email: string; password: string }): Promise<{ location: string; text: string }>;
