// A small template language for the phrase bank, so that one line of bank text stands for hundreds of
// sentences and reports of different units rarely share a long passage by accident:
//   {a|b|c}   one alternative, chosen at random (nesting allowed; {a|} makes "a" optional)
//   <NAME>    a variable of the report (unit name, year, domain words …), see TemplateContext
//   <N:key>   a reported figure (number and measure word), rendered and marked by the context
import type { Rng } from './prng.js';
import type { Segment } from './segments.js';

type Node = string | { alt: Node[][] } | { name: string } | { figure: string };

export interface TemplateContext {
  rng: Rng;
  variable(name: string): string;
  figure(key: string): Segment;
}

const cache = new Map<string, Node[]>();

function parse(src: string): Node[] {
  let i = 0;
  function seq(stops: string): Node[] {
    const out: Node[] = [];
    let buf = '';
    const flush = () => {
      if (buf) out.push(buf);
      buf = '';
    };
    while (i < src.length) {
      const c = src[i]!;
      if (stops.includes(c)) break;
      if (c === '{') {
        flush();
        i++;
        const alt: Node[][] = [seq('|}')];
        while (src[i] === '|') {
          i++;
          alt.push(seq('|}'));
        }
        if (src[i] !== '}') throw new Error(`unclosed { in template: ${src}`);
        i++;
        out.push({ alt });
      } else if (c === '<') {
        flush();
        const close = src.indexOf('>', i);
        if (close < 0) throw new Error(`unclosed < in template: ${src}`);
        const name = src.slice(i + 1, close);
        out.push(name.startsWith('N:') ? { figure: name.slice(2) } : { name });
        i = close + 1;
      } else {
        buf += c;
        i++;
      }
    }
    flush();
    return out;
  }
  const nodes = seq('');
  if (i !== src.length) throw new Error(`unbalanced template: ${src}`);
  return nodes;
}

function compiled(src: string): Node[] {
  let nodes = cache.get(src);
  if (!nodes) {
    nodes = parse(src);
    cache.set(src, nodes);
  }
  return nodes;
}

function pushSegment(out: Segment[], seg: Segment): void {
  const last = out[out.length - 1];
  if (!seg.mark && last && !last.mark) last.text += seg.text;
  else if (seg.text || seg.mark) out.push(seg);
}

// Module-level and closure-free: this runs for every sentence of every report.
function walk(nodes: Node[], ctx: TemplateContext, out: Segment[]): void {
  for (const n of nodes) {
    if (typeof n === 'string') pushSegment(out, { text: n });
    else if ('alt' in n) walk(ctx.rng.pick(n.alt), ctx, out);
    else if ('name' in n) pushSegment(out, { text: ctx.variable(n.name) });
    else pushSegment(out, ctx.figure(n.figure));
  }
}

/** Expands a template into segments: plain text merged, figures kept apart with their marks. */
export function expand(src: string, ctx: TemplateContext): Segment[] {
  const out: Segment[] = [];
  walk(compiled(src), ctx, out);
  return out;
}

/** Expands a template that holds no figures into plain text. */
export function expandText(src: string, ctx: TemplateContext): string {
  return expand(src, ctx)
    .map((s) => s.text)
    .join('');
}

/** Throws on a malformed template (used by the bank's test). */
export function checkTemplate(src: string): void {
  compiled(src);
}
