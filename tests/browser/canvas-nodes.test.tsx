import { PipelineCanvas, type Pipeline, type PipelineNode } from 'pipeline-connect';
import { errorResponse } from 'pipeline-connect/mocks';
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
// Test infrastructure: the typed MSW overrides (mocks/mock-http.ts).
import { mockHttp } from '../../mocks/mock-http';
import { renderWithBackend } from '../support/render-with-backend';

const FORBIDDEN = { code: 'forbidden', message: 'No', retryable: false } as const;

function source(
  id: string,
  providerId: string,
  credentialId: string | null = null,
  y = 0,
): PipelineNode {
  return { id, type: 'dataSource', position: { x: 0, y }, data: { providerId, credentialId } };
}

function pipelineOf(...nodes: PipelineNode[]): Pipeline {
  return {
    nodes: nodes.map((node, index) => ({ ...node, position: { x: 0, y: index * 90 } })),
    edges: [],
  };
}

function Canvas({ pipeline }: { pipeline: Pipeline }) {
  return (
    <div style={{ width: 1100, height: 700 }}>
      <PipelineCanvas defaultPipeline={pipeline} />
    </div>
  );
}

const node = (id: string) => page.getByTestId(`rf__node-${id}`);

describe('data-source node states', () => {
  it('shows each connection state as text and as data-status', async () => {
    await renderWithBackend(
      <Canvas
        pipeline={pipelineOf(
          source('a', 'onedrive'),
          source('b', 'notion', 'cred-notion-key'),
          source('c', 'google-drive', 'cred-google-drive-expired'),
          source('d', 'firecrawl', 'cred-deleted-long-ago'),
          source('e', 'retired-provider'),
          source('f', 'notion'),
        )}
      />,
      { seed: 'mixed' },
    );
    await expect.element(node('a')).toHaveTextContent('Not connected');
    await expect.element(node('b')).toHaveTextContent('Connected · Team wiki');
    await expect.element(node('c')).toHaveTextContent('Expired');
    await expect.element(node('d')).toHaveTextContent('Credential missing');
    await expect.element(node('e')).toHaveTextContent('Provider unavailable');
    // Following the default: whichever credential is Notion's default now.
    await expect.element(node('f')).toHaveTextContent(/Connected · /);

    const status = (id: string) =>
      node(id).element().querySelector('[data-status]')?.getAttribute('data-status');
    expect(status('a')).toBe('not-connected');
    expect(status('b')).toBe('connected');
    expect(status('c')).toBe('expired');
    expect(status('d')).toBe('missing');
    expect(status('e')).toBe('unknown-provider');
  });

  it('shows the provider name and icon from the catalog', async () => {
    await renderWithBackend(<Canvas pipeline={pipelineOf(source('a', 'firecrawl'))} />);
    await expect.element(node('a')).toHaveTextContent('Firecrawl');
    // The icon is drawn as the node's background (no <img>, no load event per node), decorative.
    const icon = node('a').element().querySelector('.pc-provider-icon');
    expect(icon && getComputedStyle(icon).backgroundImage).toMatch(/^url\("data:image\/svg\+xml/);
    expect(icon?.getAttribute('aria-hidden')).toBe('true');
  });

  it('says so when the credential state cannot be loaded', async () => {
    await renderWithBackend(<Canvas pipeline={pipelineOf(source('a', 'notion'))} />, {
      handlers: [mockHttp.get('/credentials', () => errorResponse(403, FORBIDDEN))],
    });
    await expect.element(node('a')).toHaveTextContent('Service unavailable');
  });

  it('loads the state of the whole canvas with one credentials request', async () => {
    let credentialRequests = 0;
    const many = Array.from({ length: 30 }, (_, i) =>
      source(
        `n${i}`,
        ['notion', 'firecrawl', 'jina-reader', 'google-drive', 'dropbox', 'onedrive'][i % 6]!,
      ),
    );
    await renderWithBackend(<Canvas pipeline={pipelineOf(...many)} />, {
      handlers: [
        mockHttp.get('/credentials', () => {
          credentialRequests += 1;
          return undefined;
        }),
      ],
    });
    await expect.element(node('n29')).toHaveTextContent('Not connected');
    expect(credentialRequests).toBe(1);
  });

  it('shows an empty state on an empty canvas', async () => {
    await renderWithBackend(<Canvas pipeline={{ nodes: [], edges: [] }} />);
    await expect.element(page.getByText('This pipeline is empty')).toBeVisible();
  });
});

describe('palette', () => {
  it('adds a node for any provider of the catalog, with a unique id', async () => {
    await renderWithBackend(<Canvas pipeline={pipelineOf(source('a', 'notion'))} />);
    await page.getByRole('button', { name: 'Add Dropbox node' }).click();
    await page.getByRole('button', { name: 'Add Dropbox node' }).click();
    // Two nodes of one provider are numbered, as the delete dialog names them.
    await expect.element(page.getByText('Dropbox #1', { exact: true })).toBeVisible();
    await expect.element(page.getByText('Dropbox #2', { exact: true })).toBeVisible();
    const ids = [...document.querySelectorAll('.react-flow__node')].map((el) =>
      el.getAttribute('data-id'),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('offers a retry when the catalog fails to load', async () => {
    let fail = true;
    await renderWithBackend(<Canvas pipeline={pipelineOf()} />, {
      handlers: [
        mockHttp.get('/providers', () => (fail ? errorResponse(403, FORBIDDEN) : undefined)),
      ],
    });
    await expect.element(page.getByText('Could not load the providers.')).toBeVisible();
    fail = false;
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect.element(page.getByRole('button', { name: 'Add Notion node' })).toBeVisible();
  });
});
