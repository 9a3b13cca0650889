// Server-rendered pages: eta templates in templates/pages, HTML-escaped by
// default (`<%= %>`); `<%~ %>` is only for HTML the service itself produced.
import { Eta } from 'eta';
import { packagePath } from '../package-path.js';

export const pagesDir = packagePath('templates/pages');
export const assetsDir = packagePath('templates/assets');

export function createViews({ cache }: { cache: boolean }) {
  const eta = new Eta({ views: pagesDir, cache, autoEscape: true, autoTrim: false });
  return {
    render(name: string, data: Record<string, unknown>): string {
      return eta.render(name, data);
    },
  };
}

export type Views = ReturnType<typeof createViews>;
