import { createHash } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultArtifactUploader, isValidArtifactName, uploadReports } from '../../src/github/artifact.js';
import { RecordingLogger } from '../support/recording-logger.js';
import { FakeGitHub, fakeRuntimeToken } from '../support/fake-github.js';

// The real DefaultArtifactClient over real HTTP: Twirp CreateArtifact/FinalizeArtifact and the Azure blob upload
// go to the loopback fake. @actions/artifact reads these variables at call time.
describe('uploadReports with @actions/artifact against the fake results service', () => {
  const fake = new FakeGitHub({ runtimeToken: fakeRuntimeToken() });
  const saved = { ...process.env };
  let dir: string;

  beforeAll(async () => {
    await fake.start();
    process.env.ACTIONS_RUNTIME_TOKEN = fakeRuntimeToken();
    process.env.ACTIONS_RESULTS_URL = `${fake.url}/`;
    process.env.GITHUB_SERVER_URL = 'https://github.com';
    dir = await mkdtemp(path.join(os.tmpdir(), 'dw-artifact-'));
  });
  afterAll(async () => {
    process.env = saved;
    await fake.stop();
  });

  it('uploads a zip of every report and the HTML alone, unzipped, with matching bytes and digests', async () => {
    const reportDir = path.join(dir, 'reports');
    const scratch = path.join(dir, 'scratch');
    await import('node:fs/promises').then((fs) => Promise.all([fs.mkdir(reportDir), fs.mkdir(scratch)]));
    const html = '<!doctype html><title>drift</title><p>self-contained</p>';
    await writeFile(path.join(reportDir, 'drift-report.html'), html);
    await writeFile(path.join(reportDir, 'drift-report.json'), '{"drift_share":0.25}');
    const logger = new RecordingLogger();
    const result = await uploadReports(
      defaultArtifactUploader(),
      {
        name: 'driftwatch-report-77-2',
        files: [path.join(reportDir, 'drift-report.html'), path.join(reportDir, 'drift-report.json')],
        rootDirectory: reportDir,
        htmlFile: path.join(reportDir, 'drift-report.html'),
        tempDir: scratch,
        runUrl: 'https://github.com/acme/churn/actions/runs/77',
      },
      logger,
    );

    expect(fake.artifacts.map((a) => [a.name, a.finalized, a.version])).toEqual([
      ['driftwatch-report-77-2', true, 7],
      ['driftwatch-report-77-2.html', true, 7],
    ]);
    const [zip, single] = fake.artifacts;
    expect(result.bundle).toMatchObject({
      name: 'driftwatch-report-77-2',
      id: zip!.id,
      url: `https://github.com/acme/churn/actions/runs/77/artifacts/${zip!.id}`,
    });
    expect(result.html?.id).toBe(single!.id);
    // The unzipped artifact holds exactly the HTML report's bytes.
    expect(single!.bytes!.toString()).toBe(html);
    expect(single!.mimeType).toBe('text/html');
    expect(single!.hash).toBe(`sha256:${createHash('sha256').update(html).digest('hex')}`);
    // The zip is a real zip (local file header) whose digest the service verified at FinalizeArtifact.
    expect(zip!.bytes!.subarray(0, 4).toString('hex')).toBe('504b0304');
    expect(zip!.bytes!.includes(Buffer.from('drift-report.json'))).toBe(true);
    expect(result.html?.digest).toBe(
      createHash('sha256')
        .update(await readFile(path.join(reportDir, 'drift-report.html')))
        .digest('hex'),
    );
  });

  it('propagates a refusal of the service (name already used in this run)', async () => {
    const file = path.join(dir, 'again.json');
    await writeFile(file, '{}');
    const upload = {
      name: 'dup',
      files: [file],
      rootDirectory: dir,
      tempDir: dir,
      runUrl: 'https://github.com/acme/churn/actions/runs/1',
    };
    await uploadReports(defaultArtifactUploader(), upload, new RecordingLogger());
    await expect(uploadReports(defaultArtifactUploader(), upload, new RecordingLogger())).rejects.toThrow(
      /409|already exists/,
    );
  });

  it.each([
    ['driftwatch-report', true],
    ['', false],
    ['a/b', false],
    ['a:b', false],
    ['x?', false],
  ])('artifact name %j valid: %s', (name, valid) => {
    expect(isValidArtifactName(name)).toBe(valid);
  });
});
