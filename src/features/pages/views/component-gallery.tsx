import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import { componentExamples } from '../../../ui/components/examples.ts';

/** Every example of every shared component on one page: the browser test runs axe over it. */
export function ComponentGallery({ ctx }: { ctx: PageContext }) {
  return (
    <Layout ctx={ctx} title="Componenten">
      <h1 class="utrecht-heading-1">Componenten</h1>
      {Object.entries(componentExamples).map(([component, examples]) => (
        <section aria-labelledby={`component-${component}`}>
          <h2 class="utrecht-heading-2" id={`component-${component}`} safe>
            {component}
          </h2>
          {Object.entries(examples).map(([name, render]) => (
            <div class="br-example">
              <h3 class="utrecht-heading-3" safe>
                {name}
              </h3>
              {render(ctx.t)}
            </div>
          ))}
        </section>
      ))}
    </Layout>
  );
}
