import { CredentialList, PipelineCanvas, type PipelineNode } from 'pipeline-connect';
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { renderWithBackend } from '../support/render-with-backend';

function source(id: string, providerId: string, credentialId: string | null = null): PipelineNode {
  return { id, type: 'dataSource', position: { x: 0, y: 0 }, data: { providerId, credentialId } };
}

function Canvas({ nodes }: { nodes: PipelineNode[] }) {
  const laidOut = nodes.map((node, index) => ({ ...node, position: { x: 0, y: index * 90 } }));
  return (
    <div style={{ width: 1100, height: 600 }}>
      <PipelineCanvas defaultPipeline={{ nodes: laidOut, edges: [] }} panel={false} />
    </div>
  );
}

const node = (id: string) => page.getByTestId(`rf__node-${id}`);
const statusLine = (id: string) =>
  node(id).element().querySelector<HTMLElement>('.pc-node-status')!;

/** What a colour token of the library resolves to inside `element`, as computed CSS. */
function tokenColour(element: Element, token: string): string {
  const probe = document.createElement('span');
  probe.style.color = `var(${token})`;
  element.append(probe);
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return colour;
}

// 100 characters (125 UTF-16 code units) of CJK and emoji, with no place to break.
const longName = '知识库🚀'.repeat(25);

describe('node text', () => {
  it('ends a long credential name in an ellipsis and gives it whole on hover and by name', async () => {
    await renderWithBackend(<Canvas nodes={[source('a', 'jina-reader')]} />, {
      prepare: (store) => {
        store.createApiKeyCredential('jina-reader', { name: longName, values: { api_key: '' } });
      },
    });
    await expect.element(node('a')).toHaveTextContent(`Connected · ${longName}`);

    // The node's two lines share one block, which ends each line in an ellipsis.
    const lines = statusLine('a').parentElement!;
    expect(getComputedStyle(lines).textOverflow).toBe('ellipsis');
    expect(lines.scrollWidth).toBeGreaterThan(lines.clientWidth);
    // The text stays inside the node rather than running past its edge.
    const nodeBox = node('a').element().getBoundingClientRect();
    expect(lines.getBoundingClientRect().right).toBeLessThanOrEqual(nodeBox.right);
    expect(statusLine('a').title).toBe(`Connected · ${longName}`);
    await expect.element(node('a')).toHaveAccessibleName(`Jina Reader Connected · ${longName}`);
  });

  it('numbers the nodes of a provider that has several, as the delete dialog lists them', async () => {
    await renderWithBackend(
      <>
        <Canvas
          nodes={[
            source('n1', 'notion'),
            source('f', 'firecrawl'),
            source('n2', 'notion', 'cred-notion-key'),
          ]}
        />
        <CredentialList providerId="notion" />
      </>,
      { seed: 'mixed' },
    );
    await expect.element(node('n1')).toHaveTextContent('Notion #1');
    await expect.element(node('n2')).toHaveTextContent('Notion #2');
    await expect.element(node('f').getByText('Firecrawl', { exact: true })).toBeVisible();

    await page.getByRole('button', { name: 'More actions for Team wiki' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete credential' });
    await expect.element(dialog.getByRole('listitem').first()).toHaveTextContent('Notion #1');
    await expect.element(dialog.getByRole('listitem').last()).toHaveTextContent('Notion #2');
  });
});

describe('node states', () => {
  it('gives each state one colour and expired and invalid different marks', async () => {
    await renderWithBackend(
      <Canvas
        nodes={[
          source('expired', 'google-drive', 'cred-google-drive-expired'),
          source('invalid', 'dropbox', 'cred-dropbox-revoked'),
          source('missing', 'firecrawl', 'cred-deleted'),
          source('connected', 'notion', 'cred-notion-key'),
        ]}
      />,
      { seed: 'mixed' },
    );
    await expect.element(node('expired')).toHaveTextContent('Expired');
    await expect.element(node('invalid')).toHaveTextContent('Invalid credential');
    await expect.element(node('missing')).toHaveTextContent('Credential missing');
    await expect.element(node('connected')).toHaveTextContent('Connected · Team wiki');

    const colour = (id: string) => getComputedStyle(statusLine(id)).color;
    const root = node('expired').element();
    expect(colour('expired')).toBe(tokenColour(root, '--pc-warning'));
    expect(colour('invalid')).toBe(tokenColour(root, '--pc-danger'));
    expect(colour('missing')).toBe(tokenColour(root, '--pc-danger'));
    expect(colour('connected')).toBe(tokenColour(root, '--pc-success'));

    // Without colour: each problem has a mark of its own shape (drawn before the words, in the
    // state's colour), which adds nothing to what a screen reader reads.
    const mark = (id: string) => getComputedStyle(statusLine(id), '::before');
    for (const id of ['expired', 'invalid', 'missing', 'connected']) {
      expect(mark(id).backgroundImage).not.toBe('none');
      expect(mark(id).width).toBe('12px');
      expect(mark(id).borderTopColor).toBe(colour(id));
    }
    expect(mark('expired').backgroundImage).not.toBe(mark('invalid').backgroundImage);
    expect(mark('invalid').backgroundImage).not.toBe(mark('missing').backgroundImage);
    expect(mark('missing').backgroundImage).not.toBe(mark('connected').backgroundImage);
    await expect.element(node('expired')).toHaveAccessibleName('Google Drive Expired');
  });

  it('gives the knowledge base the accent border only when it is selected', async () => {
    const kb: PipelineNode = {
      id: 'kb',
      type: 'knowledgeBase',
      position: { x: 0, y: 0 },
      data: { label: 'Knowledge Base' },
    };
    await renderWithBackend(<Canvas nodes={[kb]} />);
    const box = () => node('kb').element().querySelector<HTMLElement>('.pc-node')!;
    await expect.element(node('kb')).toHaveTextContent('Knowledge Base');
    expect(getComputedStyle(box()).borderColor).toBe(tokenColour(box(), '--pc-border'));

    await node('kb').click();
    await expect
      .poll(() => getComputedStyle(box()).borderColor)
      .toBe(tokenColour(box(), '--pc-accent'));
  });
});

describe('the dark canvas', () => {
  it('uses the library’s dark palette for the canvas, its controls and its minimap', async () => {
    await renderWithBackend(<Canvas nodes={[source('a', 'notion')]} />, { colorMode: 'dark' });
    await expect.element(node('a')).toHaveTextContent('Not connected');
    const flow = document.querySelector<HTMLElement>('.react-flow')!;
    const background = (selector: string) =>
      getComputedStyle(document.querySelector(selector)!).backgroundColor;

    // React Flow's own dark canvas is rgb(20, 20, 20); the library's is its subtle surface, as
    // in light mode, beside panels and nodes of its main surface.
    expect(background('.react-flow')).toBe(tokenColour(flow, '--pc-bg-subtle'));
    expect(background('.react-flow')).not.toBe('rgb(20, 20, 20)');
    expect(background('.react-flow__controls-button')).toBe(tokenColour(flow, '--pc-bg'));
    expect(background('.react-flow__minimap')).toBe(tokenColour(flow, '--pc-bg'));
    expect(background('.pc-palette')).toBe(tokenColour(flow, '--pc-bg'));
    expect(getComputedStyle(flow).getPropertyValue('--xy-background-pattern-dots-color')).toBe(
      getComputedStyle(flow).getPropertyValue('--pc-border'),
    );
  });
});
