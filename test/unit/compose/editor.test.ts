// The compose file editor's engine: diagnostics from the compose-spec schema (dclint's
// copy, Ajv, ajv-i18n's Korean) at the key or value they are about, YAML syntax errors at
// their place, completion of keys and enum values, hover with the spec's description.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ErrorObject } from 'ajv';
import { composeCompletions, composeDiagnostics, composeHover, convertToCompose, type ComposeProblem, type ContainerInspect, type ImageInspect } from '../../../src/compose';
import { SERVICE_KEYS_KO } from '../../../src/compose/editor/docs';
import { foldBranches } from '../../../src/compose/editor/diagnostics';
import { pathAt } from '../../../src/compose/editor/assist';
import { COMPOSE_SCHEMA, keysAt } from '../../../src/compose/editor/schema';
import { needShared, seedsDir } from '../../support/shared';

/** `text` with the cursor `|` taken out, and its offset. */
function cursor(marked: string): [string, number] {
  const at = marked.indexOf('|');
  return [marked.slice(0, at) + marked.slice(at + 1), at];
}

const errors = (text: string): ComposeProblem[] => composeDiagnostics(text).filter((p) => p.severity !== 'hint');

function only(text: string): ComposeProblem {
  const found = composeDiagnostics(text);
  assert.equal(found.length, 1, JSON.stringify(found, null, 2));
  return found[0]!;
}

function span(p: ComposeProblem): string {
  return `${p.line}:${p.column}-${p.endLine}:${p.endColumn}`;
}

describe('Compose editor: diagnostics', function () {
  // Ajv compiles the whole compose-spec schema on the first validation.
  this.timeout(60_000);
  const fixtures = path.join(__dirname, 'fixtures');
  const load = <T>(name: string): T => JSON.parse(fs.readFileSync(path.join(fixtures, name), 'utf8')) as T;

  it('finds nothing in what Convert to Compose writes', () => {
    const containers = load<ContainerInspect[]>('containers.inspect.json');
    const imageList = load<Array<ImageInspect & { RepoTags: string[] }>>('images.inspect.json');
    const images = new Map<string, ImageInspect>(imageList.flatMap((i) => i.RepoTags.map((t) => [t, i] as const)));
    for (const lang of ['ko', 'en'] as const) {
      const { text } = convertToCompose(containers, images, { lang, baseDir: '/home/learner/lab' });
      assert.deepEqual(composeDiagnostics(text), [], text);
    }
  });

  it('finds nothing in a file using the spec widely (build, healthcheck, depends_on conditions, anchors, long volume syntax)', () => {
    const text = [
      'name: shop',
      'x-common: &common',
      '  restart: unless-stopped',
      '  logging:',
      '    driver: json-file',
      'services:',
      '  web:',
      '    <<: *common',
      '    build:',
      '      context: .',
      '      dockerfile: Dockerfile',
      '      args:',
      '        NODE_ENV: production',
      '    ports:',
      '      - "8080:80"',
      '      - 443',
      '      - target: 9000',
      '        published: "9000"',
      '    environment:',
      '      - DATABASE_URL=postgresql://db/app',
      '    env_file: .env',
      '    depends_on:',
      '      db:',
      '        condition: service_healthy',
      '    volumes:',
      '      - ./site:/usr/share/nginx/html:ro',
      '      - type: volume',
      '        source: data',
      '        target: /data',
      '    networks: [front]',
      '    command: ["npm", "start"]',
      '    user: "1000:1000"',
      '    init: true',
      '    stop_grace_period: 10s',
      '    deploy:',
      '      resources:',
      '        limits:',
      '          memory: 256M',
      '  db:',
      '    image: postgres:16-alpine',
      '    healthcheck:',
      '      test: ["CMD-SHELL", "pg_isready -U postgres"]',
      '      interval: 5s',
      '      retries: 5',
      '    profiles: [db]',
      'networks:',
      '  front: {}',
      'volumes:',
      '  data:',
      '',
    ].join('\n');
    assert.deepEqual(composeDiagnostics(text), []);
  });

  it("finds no error in the course's Flask + PostgreSQL compose file; its `version:` is one deprecation hint", function () {
    needShared(this, seedsDir);
    const notes = fs.readFileSync(path.join(seedsDir, '004_728b3c7dc44b058b.txt'), 'utf8');
    const fence = /```yaml\n([\s\S]*?services:[\s\S]*?)```/.exec(notes);
    assert.ok(fence, 'the course notes have a compose file in a ```yaml fence');
    const text = fence[1]!;
    assert.deepEqual(errors(text), []);
    const hints = composeDiagnostics(text);
    assert.equal(hints.length, 1);
    const versionLine = text.split('\n').findIndex((l) => l.startsWith('version:')) + 1;
    assert.equal(span(hints[0]!), `${versionLine}:1-${versionLine}:8`);
    assert.equal(hints[0]!.code, 'schema/deprecated');
    assert.equal(hints[0]!.deprecated, true);
    assert.equal(hints[0]!.message.en, '`version` is deprecated: declared for backward compatibility, ignored. Please remove it.');
    assert.equal(hints[0]!.message.ko, '`version`은(는) 더 이상 쓰이지 않는 키입니다 (declared for backward compatibility, ignored. Please remove it.)');
  });

  it('`port:` instead of `ports:`: at the key, with the key it meant', () => {
    const p = only('services:\n  web:\n    image: nginx:alpine\n    port:\n      - "80:80"\n');
    assert.equal(span(p), '4:5-4:9');
    assert.equal(p.code, 'schema/additionalProperties');
    assert.equal(p.severity, 'error');
    assert.equal(p.message.ko, '`port`: 추가적인 속성은 허용되지 않습니다 (services.web에 쓸 수 없는 키). `ports`을(를) 쓰려던 것인가요?');
    assert.equal(p.message.en, '`port`: must NOT have additional properties (not a key of services.web). Did you mean `ports`?');
  });

  it('ports as a map of numbers: one "must be array" at `ports`', () => {
    const p = only('services:\n  web:\n    image: nginx:alpine\n    ports:\n      80: 80\n');
    assert.equal(span(p), '4:5-4:10');
    assert.equal(p.code, 'schema/type');
    assert.equal(p.message.ko, 'services.web.ports: 목록(array: `- 항목` 줄)이여야 합니다');
    assert.equal(p.message.en, 'services.web.ports: must be array (a list of `- item` lines)');
  });

  it('an unknown top-level key: at the key, with the nearest top-level key', () => {
    const p = only('servics:\n  web:\n    image: nginx:alpine\n');
    assert.equal(span(p), '1:1-1:8');
    assert.equal(p.message.ko, '`servics`: 추가적인 속성은 허용되지 않습니다 (최상위에 쓸 수 없는 키). `services`을(를) 쓰려던 것인가요?');
    assert.equal(p.message.en, '`servics`: must NOT have additional properties (not a top-level key). Did you mean `services`?');
  });

  it('an unknown key nothing is near: no suggestion', () => {
    const p = only('services:\n  web:\n    image: nginx:alpine\n    colour: blue\n');
    assert.equal(span(p), '4:5-4:11');
    assert.equal(p.message.en, '`colour`: must NOT have additional properties (not a key of services.web).');
  });

  it('`depends_on: db` (a string): the oneOf folded into one "must be array or object" at the value', () => {
    const p = only('services:\n  web:\n    image: nginx:alpine\n    depends_on: db\n  db:\n    image: postgres:16\n');
    assert.equal(span(p), '4:17-4:19');
    assert.equal(p.code, 'schema/type');
    assert.equal(p.message.ko, 'services.web.depends_on: 목록(array: `- 항목` 줄) 또는 매핑(object: `키: 값` 줄)이여야 합니다');
    assert.equal(p.message.en, 'services.web.depends_on: must be array (a list of `- item` lines) or object (`key: value` lines)');
  });

  it('`depends_on` as a map with a wrong condition: only the map branch\'s error, at the value, with the allowed values', () => {
    const p = only('services:\n  web:\n    image: nginx:alpine\n    depends_on:\n      db:\n        condition: healthy\n');
    assert.equal(span(p), '6:20-6:27');
    assert.equal(p.code, 'schema/enum');
    assert.equal(p.message.ko, 'services.web.depends_on.db.condition: 미리 정의된 값중 하나여야 합니다: service_started, service_healthy, service_completed_successfully');
    assert.equal(p.message.en, 'services.web.depends_on.db.condition: must be equal to one of the allowed values: service_started, service_healthy, service_completed_successfully');
  });

  it('`depends_on` as a map without `condition`: "required" at the service name', () => {
    const p = only('services:\n  web:\n    image: nginx:alpine\n    depends_on:\n      db:\n        restart: true\n');
    assert.equal(span(p), '5:7-5:9');
    assert.equal(p.code, 'schema/required');
    assert.equal(p.message.ko, 'services.web.depends_on.db: condition 속성은 필수입니다');
    assert.equal(p.message.en, "services.web.depends_on.db: must have required property 'condition'");
  });

  it('a service name with a space: the name rule, not "unknown key"', () => {
    const p = only('services:\n  my web:\n    image: nginx:alpine\n');
    assert.equal(span(p), '2:3-2:9');
    assert.equal(p.message.ko, '`my web`: services의 이름은 ^[a-zA-Z0-9._-]+$ 형식이어야 합니다 (영문자, 숫자, . _ -)');
    assert.equal(p.message.en, '`my web`: names under services must match ^[a-zA-Z0-9._-]+$ (letters, digits, . _ -)');
  });

  it('a mistyped key inside a list item (long volume syntax): at the key, list index in the path', () => {
    const p = only('services:\n  web:\n    image: nginx:alpine\n    volumes:\n      - type: bind\n        sourc: .\n        target: /srv\n');
    assert.equal(span(p), '6:9-6:14');
    assert.equal(p.message.en, '`sourc`: must NOT have additional properties (not a key of services.web.volumes[0]). Did you mean `source`?');
  });

  it('a tab in the indentation: the YAML error at the tab', () => {
    const p = only('services:\n  web:\n\timage: nginx:alpine\n');
    assert.equal(span(p), '3:1-3:2');
    assert.equal(p.code, 'yaml/TAB_AS_INDENT');
    assert.equal(p.message.ko, 'YAML 문법 오류: 들여쓰기에 탭을 쓸 수 없습니다 (스페이스를 쓰세요)');
    assert.equal(p.message.en, 'YAML syntax error: Tabs are not allowed as indentation');
  });

  it('a key indented one space short: the YAML error on its line', () => {
    const p = only('services:\n  web:\n    image: nginx:alpine\n   ports:\n    - "80:80"\n');
    assert.equal(span(p), '4:1-4:2');
    assert.equal(p.code, 'yaml/BAD_INDENT');
    assert.equal(p.message.ko, 'YAML 문법 오류: 들여쓰기가 맞지 않습니다');
    assert.equal(p.message.en, 'YAML syntax error: All mapping items must start at the same column');
  });

  it('a key written twice: the YAML error at the second one', () => {
    const p = only('services:\n  web:\n    image: nginx:alpine\n    image: httpd\n');
    assert.equal(p.code, 'yaml/DUPLICATE_KEY');
    assert.equal(p.line, 4);
    assert.equal(p.column, 5);
    assert.equal(p.message.ko, 'YAML 문법 오류: 같은 키가 두 번 나옵니다');
  });

  it('an empty file is a file being started: nothing; a list at the top: one "must be object"', () => {
    assert.deepEqual(composeDiagnostics(''), []);
    assert.deepEqual(composeDiagnostics('# compose\n'), []);
    const p = only('- web\n');
    assert.equal(span(p), '1:1-1:6');
    assert.equal(p.message.en, 'must be object (`key: value` lines)');
  });

  it('never throws on a half-typed file: every prefix of a valid file gives a list', () => {
    const text = 'services:\n  web:\n    image: "nginx:alpine"\n    ports: ["80:80", {target: 81}]\n    depends_on:\n      db: {condition: service_started}\n  db:\n    image: &img postgres\n    labels: *img\n';
    for (let n = 0; n <= text.length; n++) assert.ok(Array.isArray(composeDiagnostics(text.slice(0, n))));
  });

  it('folds a oneOf whose branches all failed the type check into one type error, and keeps a branch that got further', () => {
    const e = (instancePath: string, keyword: string, params: Record<string, unknown>): ErrorObject => ({ instancePath, keyword, params, schemaPath: '#', message: keyword });
    const typeOnly = foldBranches([e('/a', 'type', { type: 'array' }), e('/a', 'type', { type: 'object' }), e('/a', 'oneOf', { passingSchemas: null })]);
    assert.deepEqual(
      typeOnly.map((x) => [x.instancePath, x.keyword, (x.params as { type?: string }).type]),
      [['/a', 'type', 'array,object']],
    );
    const deeper = foldBranches([e('/b', 'additionalProperties', { additionalProperty: 'x' }), e('/a', 'type', { type: 'array' }), e('/a/k', 'enum', {}), e('/a', 'oneOf', { passingSchemas: null })]);
    assert.deepEqual(
      deeper.map((x) => [x.instancePath, x.keyword]),
      [['/b', 'additionalProperties'], ['/a/k', 'enum']],
    );
  });
});

describe('Compose editor: completion', function () {
  this.timeout(20_000);

  it('offers the service keys the schema names, without the ones already written, replacing the typed word', () => {
    const [text, at] = cursor('services:\n  web:\n    image: nginx:alpine\n    po|\n');
    const items = composeCompletions(text, at, 'en');
    const labels = items.map((i) => i.label);
    for (const key of ['ports', 'volumes', 'environment', 'depends_on', 'healthcheck']) assert.ok(labels.includes(key), key);
    assert.ok(!labels.includes('image'), 'image is already there');
    assert.ok(!labels.includes('services'), 'not a top-level key here');
    const ports = items.find((i) => i.label === 'ports')!;
    assert.equal(ports.insertText, 'ports: ');
    assert.deepEqual(ports.replace, { start: at - 2, end: at });
    assert.equal(ports.detail, 'array');
    assert.equal(ports.documentation, 'Expose container ports. Short format ([HOST:]CONTAINER[/PROTOCOL]).');
  });

  it('documents a common service key in Korean first, then the spec\'s English', () => {
    const [text, at] = cursor('services:\n  web:\n    |\n');
    const image = composeCompletions(text, at, 'ko').find((i) => i.label === 'image')!;
    assert.equal(image.documentation, `${SERVICE_KEYS_KO.image}\n\nSpecify the image to start the container from. Can be a repository/tag, a digest, or a local image ID.`);
  });

  it('offers the top-level keys at column 0, `version` marked deprecated', () => {
    const [text, at] = cursor('|\n');
    const items = composeCompletions(text, at, 'en');
    assert.deepEqual(items.map((i) => i.label).slice(0, 4), ['version', 'name', 'include', 'services']);
    assert.equal(items.find((i) => i.label === 'version')!.deprecated, true);
    assert.equal(items.find((i) => i.label === 'services')!.deprecated, false);
  });

  it('offers the enum values after `condition: `', () => {
    const [text, at] = cursor('services:\n  web:\n    depends_on:\n      db:\n        condition: serv|\n');
    const items = composeCompletions(text, at, 'en');
    assert.deepEqual(items.map((i) => i.label), ['service_started', 'service_healthy', 'service_completed_successfully']);
    assert.deepEqual(items[0]!.replace, { start: at - 4, end: at });
    assert.equal(items[0]!.kind, 'value');
  });

  it('offers the keys of a list item\'s map (long volume syntax), after `- ` and below it', () => {
    const [first, a] = cursor('services:\n  web:\n    volumes:\n      - |\n');
    assert.ok(composeCompletions(first, a, 'en').some((i) => i.label === 'type'));
    const [below, b] = cursor('services:\n  web:\n    volumes:\n      - type: bind\n        |\n');
    const labels = composeCompletions(below, b, 'en').map((i) => i.label);
    assert.ok(labels.includes('source') && labels.includes('target'), labels.join());
    assert.ok(!labels.includes('type'), 'type is already in this item');
  });

  it('reads the path from indentation while the file is not valid YAML yet', () => {
    const lines = ['services:', '  web:', '    build:', '      context: .', '   bad', '      '];
    assert.deepEqual(pathAt(lines, 5, 6), ['services', 'web', 'build']);
    const [text, at] = cursor('services:\n  web:\n\tbroken\n    build:\n      dock|\n');
    assert.ok(composeCompletions(text, at, 'en').some((i) => i.label === 'dockerfile'));
  });

  it('offers nothing in the middle of a value it has no list for', () => {
    const [text, at] = cursor('services:\n  web:\n    image: ngi|\n');
    assert.deepEqual(composeCompletions(text, at, 'en'), []);
  });
});

describe('Compose editor: hover', () => {
  it('shows our Korean line and the spec\'s English for a common service key, in Korean', () => {
    const [text, at] = cursor('services:\n  web:\n    ima|ge: nginx:alpine\n');
    const hover = composeHover(text, at, 'ko')!;
    assert.equal(`${hover.line}:${hover.column}-${hover.endLine}:${hover.endColumn}`, '3:5-3:10');
    assert.equal(hover.markdown, `**\`image\`**\n\n${SERVICE_KEYS_KO.image}\n\nSpecify the image to start the container from. Can be a repository/tag, a digest, or a local image ID.`);
  });

  it('shows only the spec\'s English in English, also for keys deeper down', () => {
    const [text, at] = cursor('services:\n  web:\n    depends_on:\n      db:\n        cond|ition: service_healthy\n');
    const hover = composeHover(text, at, 'en')!;
    assert.ok(hover.markdown.startsWith("**`condition`**\n\nCondition to wait for. 'service_started' waits until the service has started"), hover.markdown);
    const [text2, at2] = cursor('services:\n  web:\n    ima|ge: nginx\n');
    assert.ok(!composeHover(text2, at2, 'en')!.markdown.includes(SERVICE_KEYS_KO.image!));
  });

  it('shows nothing on a value or on a key the spec does not know', () => {
    const [value, a] = cursor('services:\n  web:\n    image: ngi|nx\n');
    assert.equal(composeHover(value, a, 'ko'), undefined);
    const [unknown, b] = cursor('services:\n  web:\n    colo|ur: blue\n');
    assert.equal(composeHover(unknown, b, 'ko'), undefined);
  });

  it('has a Korean line for each of the 25 common service keys, each one a key the spec has', () => {
    const keys = ['image', 'build', 'ports', 'volumes', 'environment', 'env_file', 'depends_on', 'networks', 'command', 'entrypoint', 'restart', 'healthcheck', 'container_name', 'working_dir', 'user', 'expose', 'labels', 'deploy', 'profiles', 'secrets', 'configs', 'extra_hosts', 'logging', 'stop_grace_period', 'init'];
    assert.deepEqual(Object.keys(SERVICE_KEYS_KO).sort(), [...keys].sort());
    const serviceKeys = keysAt(['services', 'web']).map((k) => k.name);
    for (const key of keys) assert.ok(serviceKeys.includes(key), `${key} is a service key of the spec`);
  });

  it('reads the compose-spec schema dclint ships (draft-07, with develop and include)', () => {
    assert.equal(COMPOSE_SCHEMA.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.ok(COMPOSE_SCHEMA.properties?.include);
    assert.ok(keysAt(['services', 'web']).some((k) => k.name === 'develop'));
  });
});
