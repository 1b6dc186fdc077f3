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

/**
 * A text object: `{type, text}` with at least one character; `plainOnly` where Slack accepts
 * plain_text alone (header, button, label, option in a select, placeholder, hint, modal title…).
 */
function checkText(value: unknown, at: string, max: number, opts: { plainOnly?: boolean; required?: boolean } = {}) {
  if (value === undefined) return opts.required ? `missing required field: text [json-pointer:${at}]` : null;
  if (!value || typeof value !== 'object') return `must be an object [json-pointer:${at}]`;
  const t = value as Json;
  if (t.type !== 'plain_text' && t.type !== 'mrkdwn')
    return `must be one of "plain_text", "mrkdwn" [json-pointer:${at}/type]`;
  if (opts.plainOnly && t.type !== 'plain_text') return `must be "plain_text" [json-pointer:${at}/type]`;
  if (typeof t.text !== 'string') return `missing required field: text [json-pointer:${at}/text]`;
  if (t.text.length === 0) return `must be more than 0 characters [json-pointer:${at}/text]`;
  return tooLong(t.text, max, `${at}/text`);
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
  if (options.length === 0 && el.type !== 'overflow')
    return `must provide options or option_groups [json-pointer:${at}]`;
  // Radio buttons and checkboxes may show mrkdwn; selects and overflow menus plain text only.
  const plainOnly = el.type !== 'radio_buttons' && el.type !== 'checkboxes';
  for (const [i, option] of options.entries()) {
    const problem = first(
      checkText(option.text, `${at}/options/${i}/text`, 75, { plainOnly, required: true }),
      typeof option.value === 'string' ? null : `missing required field: value [json-pointer:${at}/options/${i}]`,
      tooLong(option.value, 150, `${at}/options/${i}/value`),
    );
    if (problem) return problem;
  }
  // An initial option must be one of the options, exactly (Slack compares value and text).
  const same = (a: Json, b: Json) => a?.value === b?.value && textOf(a?.text) === textOf(b?.text);
  if (el.initial_option !== undefined && !options.some((o) => same(o, el.initial_option))) {
    return `initial_option must match one of the options [json-pointer:${at}/initial_option]`;
  }
  for (const [i, initial] of (Array.isArray(el.initial_options) ? el.initial_options : []).entries()) {
    if (!options.some((o) => same(o, initial)))
      return `initial_options must match the options [json-pointer:${at}/initial_options/${i}]`;
  }
  return null;
}

/** An interactive element: button, select, input, ... */
function checkElement(el: Json, at: string): string | null {
  if (!el || typeof el.type !== 'string') return `missing required field: type [json-pointer:${at}]`;
  const common = first(
    tooLong(el.action_id, 255, `${at}/action_id`),
    checkText(el.placeholder, `${at}/placeholder`, 150, { plainOnly: true }),
    checkOptions(el, at),
    el.confirm === undefined ? null : checkConfirm(el.confirm, `${at}/confirm`),
  );
  if (common) return common;
  if (el.type === 'button') {
    return first(
      checkText(el.text, `${at}/text`, 75, { plainOnly: true, required: true }),
      tooLong(el.value, 2000, `${at}/value`),
      tooLong(el.url, 3000, `${at}/url`),
      el.style === undefined || el.style === 'primary' || el.style === 'danger'
        ? null
        : `must be one of "primary", "danger" [json-pointer:${at}/style]`,
    );
  }
  if (el.type === 'plain_text_input') {
    const max = el.max_length === undefined ? 3000 : Number(el.max_length);
    if (!Number.isInteger(max) || max < 1 || max > 3000) {
      return `must be between 1 and 3000 [json-pointer:${at}/max_length]`;
    }
    const min = el.min_length === undefined ? 0 : Number(el.min_length);
    if (!Number.isInteger(min) || min < 0 || min > max) {
      return `must be between 0 and max_length [json-pointer:${at}/min_length]`;
    }
    if (typeof el.initial_value === 'string' && el.initial_value.length > max) {
      return `must be less than ${max + 1} characters (max_length) [json-pointer:${at}/initial_value]`;
    }
  }
  if (el.type === 'datepicker' && el.initial_date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(el.initial_date)) {
    return `must be a date YYYY-MM-DD [json-pointer:${at}/initial_date]`;
  }
  return null;
}

/** A confirmation dialog: title, text, confirm and deny, all plain text except `text`. */
function checkConfirm(c: Json, at: string): string | null {
  return first(
    checkText(c.title, `${at}/title`, 100, { plainOnly: true, required: true }),
    checkText(c.text, `${at}/text`, 300, { required: true }),
    checkText(c.confirm, `${at}/confirm`, 30, { plainOnly: true, required: true }),
    checkText(c.deny, `${at}/deny`, 30, { plainOnly: true, required: true }),
  );
}

/** The elements of one block: each checked, and action_ids unique within the block (Slack's rule). */
function checkElements(elements: unknown, at: string): string | null {
  if (!Array.isArray(elements)) return `must be an array [json-pointer:${at}]`;
  const actionIds = new Set<string>();
  for (const [i, el] of elements.entries()) {
    const problem = checkElement(el, `${at}/${i}`);
    if (problem) return problem;
    if (typeof el.action_id === 'string') {
      if (actionIds.has(el.action_id))
        return `duplicate action_id "${el.action_id}" in the block [json-pointer:${at}/${i}/action_id]`;
      actionIds.add(el.action_id);
    }
  }
  return null;
}

const SELECTS = ['static_select', 'external_select', 'users_select', 'conversations_select', 'channels_select'];
const PICKERS = ['datepicker', 'timepicker', 'datetimepicker', 'checkboxes', 'radio_buttons'];
/** Which element types each place accepts (Slack refuses, say, a text input in an actions block). */
const ELEMENTS_ALLOWED: Record<string, string[]> = {
  actions: ['button', 'overflow', ...SELECTS, ...SELECTS.map((t) => `multi_${t}`), ...PICKERS],
  accessory: ['button', 'overflow', 'image', ...SELECTS, ...SELECTS.map((t) => `multi_${t}`), ...PICKERS],
  input: [
    'plain_text_input',
    'email_text_input',
    'url_text_input',
    'number_input',
    'rich_text_input',
    'file_input',
    ...SELECTS,
    ...SELECTS.map((t) => `multi_${t}`),
    ...PICKERS,
  ],
};
const BLOCK_TYPES = ['section', 'divider', 'header', 'actions', 'context', 'input', 'image', 'rich_text', 'markdown'];

function elementAllowed(el: unknown, place: string, at: string): string | null {
  const type = (el as Json | undefined)?.type;
  return typeof type === 'string' && !ELEMENTS_ALLOWED[place].includes(type)
    ? `element type "${type}" is not allowed here [json-pointer:${at}/type]`
    : null;
}

function checkBlock(block: Json, at: string, surface: 'message' | 'view'): string | null {
  if (!block || typeof block.type !== 'string') return `missing required field: type [json-pointer:${at}]`;
  if (!BLOCK_TYPES.includes(block.type)) return `unknown block type "${block.type}" [json-pointer:${at}/type]`;
  // Input blocks belong in modals and the Home tab; a message cannot carry one.
  if (block.type === 'input' && surface === 'message')
    return `input blocks are only allowed in views [json-pointer:${at}/type]`;
  const idProblem = tooLong(block.block_id, 255, `${at}/block_id`);
  if (idProblem) return idProblem;
  switch (block.type) {
    case 'section': {
      if (block.text === undefined && block.fields === undefined) {
        return `must provide either text or fields [json-pointer:${at}]`;
      }
      const fields: unknown[] = Array.isArray(block.fields) ? block.fields : [];
      return first(
        checkText(block.text, `${at}/text`, 3000),
        tooMany(block.fields, 10, `${at}/fields`),
        ...fields.map((f, i) => checkText(f, `${at}/fields/${i}`, 2000, { required: true })),
        block.accessory === undefined ? null : elementAllowed(block.accessory, 'accessory', `${at}/accessory`),
        block.accessory === undefined ? null : checkElement(block.accessory, `${at}/accessory`),
      );
    }
    case 'header':
      return checkText(block.text, `${at}/text`, 150, { plainOnly: true, required: true });
    case 'actions':
      if (Array.isArray(block.elements) && block.elements.length === 0)
        return `must provide at least 1 element [json-pointer:${at}/elements]`;
      return first(
        tooMany(block.elements, 25, `${at}/elements`),
        ...(Array.isArray(block.elements) ? block.elements : []).map((el: unknown, i: number) =>
          elementAllowed(el, 'actions', `${at}/elements/${i}`),
        ),
        checkElements(block.elements, `${at}/elements`),
      );
    case 'context': {
      if (!Array.isArray(block.elements) || block.elements.length === 0)
        return `must provide at least 1 element [json-pointer:${at}/elements]`;
      const texts = (block.elements as Json[]).map((e, i) =>
        e?.type === 'image' ? null : checkText(e, `${at}/elements/${i}`, 3000, { required: true }),
      );
      return first(tooMany(block.elements, 10, `${at}/elements`), ...texts);
    }
    case 'input':
      return first(
        checkText(block.label, `${at}/label`, 2000, { plainOnly: true, required: true }),
        checkText(block.hint, `${at}/hint`, 2000, { plainOnly: true }),
        block.element === undefined ? `missing required field: element [json-pointer:${at}]` : null,
        elementAllowed(block.element, 'input', `${at}/element`),
        checkElement(block.element, `${at}/element`),
      );
    case 'divider':
      return null;
    default:
      return null;
  }
}

function checkBlocks(blocks: unknown, max: number, at: string, surface: 'message' | 'view'): string | null {
  if (!Array.isArray(blocks)) return `must be an array [json-pointer:${at}]`;
  const tooManyBlocks = tooMany(blocks, max, at);
  if (tooManyBlocks) return tooManyBlocks;
  const seenIds = new Set<string>();
  for (const [i, block] of blocks.entries()) {
    const problem = checkBlock(block, `${at}/${i}`, surface);
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
  return checkBlocks(blocks, MESSAGE_MAX_BLOCKS, '/blocks', 'message');
}

/** Checks the `view` argument of views.open / views.push / views.update / views.publish. */
export function checkView(view: unknown): string | null {
  if (!view || typeof view !== 'object' || Array.isArray(view)) return 'must be an object [json-pointer:/view]';
  const v = view as Json;
  if (v.type !== 'modal' && v.type !== 'home') return 'must be one of "modal", "home" [json-pointer:/view/type]';
  const blocksProblem = checkBlocks(v.blocks, VIEW_MAX_BLOCKS, '/view/blocks', 'view');
  if (blocksProblem) return blocksProblem;
  if (v.type === 'modal') {
    if (v.title === undefined) return 'missing required field: title [json-pointer:/view]';
    const hasInput = (v.blocks as Json[]).some((b) => b.type === 'input');
    if (hasInput && v.submit === undefined) {
      return 'missing required field: submit (required when the view contains input blocks) [json-pointer:/view]';
    }
  }
  return first(
    checkText(v.title, '/view/title', 24, { plainOnly: true }),
    checkText(v.submit, '/view/submit', 24, { plainOnly: true }),
    checkText(v.close, '/view/close', 24, { plainOnly: true }),
    tooLong(v.callback_id, 255, '/view/callback_id'),
    tooLong(v.private_metadata, 3000, '/view/private_metadata'),
    tooLong(v.external_id, 255, '/view/external_id'),
  );
}
