// Server-rendered pages: eta templates in templates/pages, HTML-escaped by
// default (`<%= %>`); `<%~ %>` is only for HTML the service itself produced.
import { fileURLToPath } from 'node:url';
import { Eta } from 'eta';

export const pagesDir = fileURLToPath(new URL('../../templates/pages', import.meta.url));
export const assetsDir = fileURLToPath(new URL('../../templates/assets', import.meta.url));

export function createViews({ cache }: { cache: boolean }) {
  const eta = new Eta({ views: pagesDir, cache, autoEscape: true, autoTrim: false });
  return {
    render(name: string, data: Record<string, unknown>): string {
      return eta.render(name, data);
    },
  };
}

export type Views = ReturnType<typeof createViews>;
