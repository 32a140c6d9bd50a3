/** Only regular files are read: FIFOs, devices and dangling links, named directly or met in a folder. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cleanTemp, cli, requireBundle, seedPath, seedNames, tempDir } from './run';

const SEED = seedNames[0]!;

function mkfifo(file: string): boolean {
  return spawnSync('mkfifo', [file]).status === 0;
}

suite('cli: special files', function () {
  this.timeout(60000);
  let tmp: string | undefined;
  suiteSetup(requireBundle);
  teardown(() => {
    cleanTemp(tmp);
    tmp = undefined;
  });

  test('a FIFO named directly: exit 2 with a message, no hang; the other files are still checked', function () {
    tmp = tempDir();
    const fifo = path.join(tmp, 'pipe.txt');
    if (!mkfifo(fifo)) this.skip();
    const r = cli(['check', fifo, seedPath(SEED)]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /pipe\.txt: is a FIFO \(named pipe\), not a regular file/);
    assert.ok(r.stdout.includes(`${seedPath(SEED)}:`), 'the regular file was still checked');
  });

  test('a FIFO named like a knowledge-base file (x.cis.json) is reported, not read; the check goes on', function () {
    tmp = tempDir();
    const fifo = path.join(tmp, 'people.cis.json');
    if (!mkfifo(fifo)) this.skip();
    const r = cli(['check', '--kb', tmp, seedPath(SEED)]);
    assert.notEqual(r.status, null, 'the check hung on the FIFO');
    assert.match(r.stderr, /people\.cis\.json.*Cannot read knowledge-base file: .*people\.cis\.json is a FIFO \(named pipe\), not a regular file/);
    assert.ok(r.stdout.includes(`${seedPath(SEED)}:`), 'the article was still checked');
  });

  test('/dev/zero named directly: exit 2 with a message, memory untouched', function () {
    if (!fs.existsSync('/dev/zero')) this.skip();
    const r = cli(['check', '/dev/zero']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /\/dev\/zero: is a character device, not a regular file/);
  });

  test('a dangling symbolic link named directly says so (exit 2); met in a folder it is skipped with a message', function () {
    tmp = tempDir();
    const link = path.join(tmp, 'gone.txt');
    try {
      fs.symlinkSync(path.join(tmp, 'deleted-article.txt'), link);
    } catch {
      this.skip();
    }
    const direct = cli(['check', link]);
    assert.equal(direct.status, 2);
    assert.match(direct.stderr, /gone\.txt: is a symbolic link to ".*deleted-article\.txt", which does not exist/);

    fs.writeFileSync(path.join(tmp, 'real.txt'), 'Analysts say the talks failed.\n');
    const folder = cli(['check', '--format', 'json', tmp]);
    assert.equal(folder.status, 0, folder.stderr);
    assert.match(folder.stderr, /gone\.txt: skipped: is a symbolic link to .*which does not exist/);
    assert.ok(folder.stdout.includes('real.txt'));
  });

  test('a FIFO met in a folder is skipped with a message (exit 0)', function () {
    tmp = tempDir();
    const fifo = path.join(tmp, 'pipe.md');
    if (!mkfifo(fifo)) this.skip();
    fs.writeFileSync(path.join(tmp, 'real.txt'), 'Analysts say the talks failed.\n');
    const text = cli(['check', tmp]);
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout + text.stderr, /pipe\.md.*skipped.*FIFO/);
    const json = cli(['check', '--format', 'json', tmp]);
    assert.equal(json.status, 0);
    assert.match(json.stderr, /pipe\.md: skipped: is a FIFO \(named pipe\), not a regular file/);
  });

  test('an annotations file that is a FIFO does not hang the check; it is reported and left alone', function () {
    tmp = tempDir();
    const article = path.join(tmp, 'article.txt');
    fs.writeFileSync(article, 'Analysts say the talks failed.\n');
    if (!mkfifo(`${article}.annotations.json`)) this.skip();
    const r = cli(['check', article]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /annotations not used: .*not a regular file/);
  });
});
