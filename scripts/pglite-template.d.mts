export function pgliteTemplateFile(root: string): string;
export function ensurePgliteTemplate(root: string): Promise<number>;
