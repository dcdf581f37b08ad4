import type { Plugin } from 'vite';

export function collapseHtmlTemplates(code: string, fileName: string): string;
export function htmlWhitespace(): Plugin;
