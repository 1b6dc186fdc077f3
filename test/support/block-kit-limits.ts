/**
 * Block Kit limits as Slack's Web API enforces them.
 * Each check returns a description of the first problem found, in the style of the
 * `response_metadata.messages` Slack sends back (`... [json-pointer:/blocks/0/text]`), or null.
 */
type Json = Record<string, any>;

const MESSAGE_MAX_BLOCKS = 50;
const VIEW_MAX_BLOCKS = 100;
/** Most options an element of each type may carry. */
const MAX_OPTIONS: Record<string, number> = {
  static_select: 100,
  multi_static_select: 100,
  radio_buttons: 10,
  checkboxes: 10,
  overflow: 5,
};

/** The string inside a text object (`{type:'plain_text', text}`), or the value itself if it is a string. */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as Json).text === 'string') return (value as Json).text;
  return undefined;
}

function tooLong(value: unknown, max: number, at: string): string | null {
  return typeof value === 'string' && value.length > max
    ? `must be less than ${max + 1} characters [json-pointer:${at}]`
    : null;
}

function tooMany(items: unknown, max: number, at: string): string | null {
  return Array.isArray(items) && items.length > max ? `must be less than ${max + 1} items [json-pointer:${at}]` : null;
}

/** The first non-null problem. */
function first(...problems: Array<string | null>): string | null {
  return problems.find((p) => p !== null) ?? null;
}

function checkOptions(el: Json, at: string): string | null {
  const max = MAX_OPTIONS[el.type];
  if (max === undefined) return null;
  const options: Json[] = el.options ?? (el.option_groups ?? []).flatMap((g: Json) => g.options ?? []);
  const countProblem =
    tooMany(el.options, max, `${at}/options`) ?? tooMany(el.option_groups, max, `${at}/option_groups`);
  if (countProblem) return countProblem;
  for (const [i, option] of options.entries()) {
    const problem = first(
      tooLong(textOf(option.text), 75, `${at}/options/${i}/text/text`),
      tooLong(option.value, 150, `${at}/options/${i}/value`),
    );
    if (problem) return problem;
  }
  return null;
}

/** An interactive element: button, select, input, ... */
function checkElement(el: Json, at: string): string | null {
  if (!el || typeof el.type !== 'string') return `missing required field: type [json-pointer:${at}]`;
  const common = first(
    tooLong(el.action_id, 255, `${at}/action_id`),
    tooLong(textOf(el.placeholder), 150, `${at}/placeholder/text`),
    checkOptions(el, at),
  );
  if (common) return common;
  if (el.type === 'button') {
    return first(tooLong(textOf(el.text), 75, `${at}/text/text`), tooLong(el.value, 2000, `${at}/value`));
  }
  if (el.type === 'plain_text_input' && el.max_length !== undefined) {
    const max = Number(el.max_length);
    if (!Number.isInteger(max) || max < 1 || max > 3000) {
      return `must be between 1 and 3000 [json-pointer:${at}/max_length]`;
    }
  }
  return null;
}

function checkElements(elements: unknown, at: string): string | null {
  if (!Array.isArray(elements)) return `must be an array [json-pointer:${at}]`;
  for (const [i, el] of elements.entries()) {
    const problem = checkElement(el, `${at}/${i}`);
    if (problem) return problem;
  }
  return null;
}

function checkBlock(block: Json, at: string): string | null {
  if (!block || typeof block.type !== 'string') return `missing required field: type [json-pointer:${at}]`;
  const idProblem = tooLong(block.block_id, 255, `${at}/block_id`);
  if (idProblem) return idProblem;
  switch (block.type) {
    case 'section': {
      if (block.text === undefined && block.fields === undefined) {
        return `must provide either text or fields [json-pointer:${at}]`;
      }
      const fields: unknown[] = Array.isArray(block.fields) ? block.fields : [];
      return first(
        tooLong(textOf(block.text), 3000, `${at}/text/text`),
        tooMany(block.fields, 10, `${at}/fields`),
        ...fields.map((f, i) => tooLong(textOf(f), 2000, `${at}/fields/${i}/text`)),
        block.accessory === undefined ? null : checkElement(block.accessory, `${at}/accessory`),
      );
    }
    case 'header':
      return tooLong(textOf(block.text), 150, `${at}/text/text`);
    case 'actions':
      return tooMany(block.elements, 25, `${at}/elements`) ?? checkElements(block.elements, `${at}/elements`);
    case 'context':
      return tooMany(block.elements, 10, `${at}/elements`);
    case 'input':
      return first(
        tooLong(textOf(block.label), 2000, `${at}/label/text`),
        checkElement(block.element, `${at}/element`),
      );
    default:
      return null;
  }
}

function checkBlocks(blocks: unknown, max: number, at: string): string | null {
  if (!Array.isArray(blocks)) return `must be an array [json-pointer:${at}]`;
  const tooManyBlocks = tooMany(blocks, max, at);
  if (tooManyBlocks) return tooManyBlocks;
  const seenIds = new Set<string>();
  for (const [i, block] of blocks.entries()) {
    const problem = checkBlock(block, `${at}/${i}`);
    if (problem) return problem;
    if (block.block_id !== undefined) {
      if (seenIds.has(block.block_id))
        return `duplicate block_id "${block.block_id}" [json-pointer:${at}/${i}/block_id]`;
      seenIds.add(block.block_id);
    }
  }
  return null;
}

/** Checks the `blocks` argument of chat.postMessage / chat.postEphemeral / chat.update. */
export function checkMessageBlocks(blocks: unknown): string | null {
  return checkBlocks(blocks, MESSAGE_MAX_BLOCKS, '/blocks');
}

/** Checks the `view` argument of views.open / views.push / views.update / views.publish. */
export function checkView(view: unknown): string | null {
  if (!view || typeof view !== 'object' || Array.isArray(view)) return 'must be an object [json-pointer:/view]';
  const v = view as Json;
  if (v.type !== 'modal' && v.type !== 'home') return 'must be one of "modal", "home" [json-pointer:/view/type]';
  const blocksProblem = checkBlocks(v.blocks, VIEW_MAX_BLOCKS, '/view/blocks');
  if (blocksProblem) return blocksProblem;
  if (v.type === 'modal') {
    if (v.title === undefined) return 'missing required field: title [json-pointer:/view]';
    const hasInput = (v.blocks as Json[]).some((b) => b.type === 'input');
    if (hasInput && v.submit === undefined) {
      return 'missing required field: submit (required when the view contains input blocks) [json-pointer:/view]';
    }
  }
  return first(
    tooLong(textOf(v.title), 24, '/view/title/text'),
    tooLong(textOf(v.submit), 24, '/view/submit/text'),
    tooLong(textOf(v.close), 24, '/view/close/text'),
    tooLong(v.callback_id, 255, '/view/callback_id'),
    tooLong(v.private_metadata, 3000, '/view/private_metadata'),
    tooLong(v.external_id, 255, '/view/external_id'),
  );
}
