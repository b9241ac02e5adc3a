import { describe, expect, it } from 'vitest';
import { Renderer } from './render.js';

function renderer(raw: boolean) {
  let out = '';
  const write = (text: string) => {
    out += text;
    return true;
  };
  const stream = { write, isTTY: false };
  const io = { stdout: stream, stderr: stream, env: { GLAUCA_TOKEN: 'glauca-SECRET-token-77' } } as never;
  return { out: () => out, render: new Renderer(io, { json: true, raw, color: false }) };
}

describe('--json --raw output', () => {
  it('a credential echoed by the provider as a key or value of a raw payload is redacted', () => {
    const { out, render } = renderer(true);
    render.printJson({
      name: 'example.com',
      raw: { 'glauca-SECRET-token-77': { echoed: 'token glauca-SECRET-token-77', nested: ['x'] }, id: 5 },
    });
    expect(out()).not.toContain('SECRET');
    expect(JSON.parse(out())).toEqual({
      name: 'example.com',
      raw: { '[REDACTED]': { echoed: 'token [REDACTED]', nested: ['x'] }, id: 5 },
    });
  });

  it('without --raw the payload is left out', () => {
    const { out, render } = renderer(false);
    render.printJson({ name: 'example.com', raw: { 'glauca-SECRET-token-77': 1 } });
    expect(JSON.parse(out())).toEqual({ name: 'example.com' });
  });
});
