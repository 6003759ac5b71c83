// Runs the official JS SDK (@google/genai) unchanged against the TuneGate emulator, in Gemini API mode
// (the SDK's default API version) and in Vertex AI mode (OAuth token, project, location; the SDK's
// default v1beta1): generateContent and streaming on a base model and a deployed endpoint, and the
// life of a tuned model (tune, get, delete), and a Vertex AI tuning job from a gs:// dataset uploaded to
// the emulator's Cloud Storage (tunings.tune, tunings.get, its checkpoints' endpoints). Prints one line
// per check and "N passed, N failed".
//
//   npm ci && node check.mjs                 starts ../target/tunegate-emulator.jar itself (mvn package first)
//   npm ci && node check.mjs http://host:port  uses a running emulator started with
//                                            --deploy 123=models/gemini-1.5-flash-001 [--require-bearer T]
//                                            (token: SDK_CHECK_TOKEN, default "sdk-check-token")
import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {fileURLToPath} from 'node:url';
import {GoogleGenAI} from '@google/genai';
import {OAuth2Client} from 'google-auth-library';

const TOKEN = process.env.SDK_CHECK_TOKEN ?? 'sdk-check-token';
const ENDPOINT = 'projects/demo/locations/us-central1/endpoints/123';
const config = {temperature: 0};

async function startEmulator() {
  const jar = fileURLToPath(new URL('../target/tunegate-emulator.jar', import.meta.url));
  const child = spawn('java', ['-jar', jar, '--port', '0', '--in-memory', '--tuning-step-ms', '0',
    '--deploy', '123=models/gemini-1.5-flash-001', '--require-bearer-env', 'SDK_CHECK_TOKEN'],
    {env: {...process.env, SDK_CHECK_TOKEN: TOKEN}, stdio: ['ignore', 'pipe', 'inherit']});
  let out = '';
  for await (const chunk of child.stdout) {
    out += chunk;
    const m = out.match(/listening on (http:\/\/\S+)/);
    if (m) return {baseUrl: m[1], stop: () => child.kill()};
  }
  throw new Error(`the emulator did not start (is ${jar} built? mvn -pl framework/tunegate-emulator -am package)`);
}

const {baseUrl, stop} = process.argv[2] ? {baseUrl: process.argv[2], stop: () => {}} : await startEmulator();
console.log(`@google/genai against ${baseUrl}`);

const auth = new OAuth2Client();
auth.setCredentials({access_token: TOKEN, expiry_date: Date.now() + 3600_000});
const gemini = new GoogleGenAI({apiKey: 'any-key', httpOptions: {baseUrl}});
const vertex = new GoogleGenAI({vertexai: true, project: 'demo', location: 'us-central1',
  googleAuthOptions: {authClient: auth}, httpOptions: {baseUrl}});

let passed = 0;
let failed = 0;
async function check(name, fn) {
  try {
    const detail = await fn();
    passed++;
    console.log(`ok   ${name}: ${detail}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e?.message ?? e}`);
  }
}
function expect(actual, predicate, what) {
  if (!predicate(actual)) throw new Error(`expected ${what}, got ${JSON.stringify(actual)}`);
  return JSON.stringify(actual);
}
async function streamed(ai, model) {
  let text = '';
  let chunks = 0;
  for await (const chunk of await ai.models.generateContentStream({model, contents: 'List 5 popular cookie recipes', config})) {
    text += chunk.text ?? '';
    chunks++;
  }
  return expect(text, t => chunks > 1 && t.startsWith('Here are 5 cookie recipes:'), 'a list in several chunks')
    .slice(0, 40) + `... (${chunks} chunks)`;
}
const ask = async (ai, model) => expect(
  (await ai.models.generateContent({model, contents: 'What is 2 + 2?', config})).text, t => t === '2 + 2 = 4', '2 + 2 = 4');

try {
  await check('gemini generateContent gemini-2.5-flash', () => ask(gemini, 'gemini-2.5-flash'));
  await check('gemini generateContentStream gemini-2.5-flash', () => streamed(gemini, 'gemini-2.5-flash'));
  await check('vertex generateContent gemini-2.5-flash', () => ask(vertex, 'gemini-2.5-flash'));
  await check('vertex generateContentStream gemini-2.5-flash', () => streamed(vertex, 'gemini-2.5-flash'));
  await check(`vertex generateContent ${ENDPOINT}`, () => ask(vertex, ENDPOINT));
  await check(`vertex generateContentStream ${ENDPOINT}`, () => streamed(vertex, ENDPOINT));
  await check('vertex models.get gemini-2.5-pro', async () =>
    expect((await vertex.models.get({model: 'gemini-2.5-pro'})).name, n => n.endsWith('models/gemini-2.5-pro'), 'the model'));
  await check('vertex with a wrong token is refused', async () => {
    const wrong = new OAuth2Client();
    wrong.setCredentials({access_token: 'wrong-token', expiry_date: Date.now() + 3600_000});
    const ai = new GoogleGenAI({vertexai: true, project: 'demo', location: 'us-central1',
      googleAuthOptions: {authClient: wrong}, httpOptions: {baseUrl}});
    try {
      await ai.models.generateContent({model: ENDPOINT, contents: 'hi'});
    } catch (e) {
      return expect(e.status, s => s === 403, 'HTTP 403 PERMISSION_DENIED (emulator started with --require-bearer)');
    }
    return process.argv[2] ? 'accepted (no --require-bearer on this emulator)' : expect('accepted', () => false, '403');
  });
  // @google/genai 3.3.0 drops trainingDataset.examples in Gemini API mode (tuningDatasetToMldev's result
  // is discarded, so every tune is "trainingData is required"): the tuned model is created over REST.
  let tuned;
  await check('REST tunedModels.create (then the SDK takes over)', async () => {
    const created = await fetch(`${baseUrl}/v1beta/tunedModels`, {method: 'POST', headers: {'content-type': 'application/json'},
      body: JSON.stringify({baseModel: 'models/gemini-1.5-flash-001-tuning', displayName: 'sdk check',
        tuningTask: {hyperparameters: {epochCount: 2},
          trainingData: {examples: {examples: [{textInput: 'ping', output: 'pong'}, {textInput: 'ding', output: 'dong'}]}}}})});
    tuned = {name: (await created.json()).metadata?.tunedModel};
    return expect(tuned.name, n => created.status === 200 && n?.startsWith('tunedModels/'), 'an operation naming the model');
  });
  await check('gemini tunings.get until JOB_STATE_SUCCEEDED', async () => {
    for (let i = 0; i < 100; i++) {
      const job = await gemini.tunings.get({name: tuned.name});
      if (job.state === 'JOB_STATE_SUCCEEDED') return job.state;
      await new Promise(r => setTimeout(r, 100));
    }
    throw new Error('not done after 10 s');
  });
  await check('gemini generateContent of the tuned model', async () => expect(
    (await gemini.models.generateContent({model: tuned.name, contents: 'ping', config})).text, t => t?.length > 0, 'an answer'));
  await check('gemini models.delete of the tuned model', async () => {
    await gemini.models.delete({model: tuned.name});
    try {
      await gemini.tunings.get({name: tuned.name});
    } catch (e) {
      return expect(e.status, s => s === 404, 'then 404 NOT_FOUND');
    }
    throw new Error('still there after delete');
  });
  // Vertex AI: the dataset goes to the emulator's Cloud Storage (JSON API media upload), then the SDK tunes.
  const gcsUri = 'gs://sdk-check/tuning/ping.jsonl';
  await check('REST Cloud Storage media upload of the dataset', async () => {
    const line = (q, a) => JSON.stringify({contents: [{role: 'user', parts: [{text: q}]}, {role: 'model', parts: [{text: a}]}]});
    const uploaded = await fetch(`${baseUrl}/upload/storage/v1/b/sdk-check/o?uploadType=media&name=tuning%2Fping.jsonl`,
      {method: 'POST', headers: {'content-type': 'application/jsonl', authorization: `Bearer ${TOKEN}`},
        body: [line('ping', 'pong'), line('ding', 'dong'), line('tick', 'tock'), line('knock knock', "who's there")].join('\n')});
    return expect((await uploaded.json()).name, n => uploaded.status === 200 && n === 'tuning/ping.jsonl', 'the stored object');
  });
  let vertexJob;
  await check('vertex tunings.tune from a gs:// dataset', async () => {
    vertexJob = await vertex.tunings.tune({baseModel: 'gemini-2.5-flash', trainingDataset: {gcsUri},
      config: {epochCount: 3, learningRateMultiplier: 2.0, tunedModelDisplayName: 'sdk check'}});
    return expect(vertexJob.name, n => /^projects\/demo\/locations\/us-central1\/tuningJobs\/\d+$/.test(n ?? ''), 'a tuning job');
  });
  await check('vertex tunings.get until JOB_STATE_SUCCEEDED', async () => {
    for (let i = 0; i < 100; i++) {
      vertexJob = await vertex.tunings.get({name: vertexJob.name});
      if (vertexJob.state === 'JOB_STATE_SUCCEEDED') {
        return expect(vertexJob.tunedModel?.checkpoints?.length, n => n === 3, 'three checkpoints') + ' checkpoints';
      }
      await new Promise(r => setTimeout(r, 100));
    }
    throw new Error(`still ${vertexJob.state} after 10 s`);
  });
  await check('vertex generateContent on every checkpoint endpoint', async () => {
    const answers = [];
    for (const checkpoint of vertexJob.tunedModel.checkpoints) {
      answers.push((await vertex.models.generateContent({model: checkpoint.endpoint, contents: 'ping', config})).text);
    }
    return expect(answers, a => a.length === 3 && a.every(t => t?.length > 0) && a[2] === 'pong', 'answers, the last one "pong"');
  });
} finally {
  stop();
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
