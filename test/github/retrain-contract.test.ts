/**
 * The retrain contract check on workflow texts (the action runs it on the file the contents API returns; the
 * end-to-end test covers the API side against the loopback GitHub).
 */
import { describe, expect, it } from 'vitest';
import { RETRAIN_WORKFLOW_INPUTS } from '../../src/action/constants.js';
import { retrainContractProblems } from '../../src/github/retrain-contract.js';

const inputsBlock = (names: readonly string[]) =>
  names.map((name) => `      ${name}: { type: string }`).join('\n');
const workflow = (runName: string, names: readonly string[] = RETRAIN_WORKFLOW_INPUTS) =>
  `name: Retrain\nrun-name: ${runName}\non:\n  workflow_dispatch:\n    inputs:\n${inputsBlock(names)}\njobs: {}\n`;

describe('retrainContractProblems', () => {
  it.each([
    'Retrain [${{ inputs.dispatch_key }}]',
    'Retrain ${{ github.event.inputs.dispatch_key }}',
    "Retrain ${{ inputs['dispatch_key'] }}",
    "${{ format('{0} {1}', inputs.current, inputs.dispatch_key) }}",
  ])('accepts the key in the run-name as %s', (runName) => {
    expect(retrainContractProblems(workflow(`"${runName}"`), RETRAIN_WORKFLOW_INPUTS)).toEqual([]);
  });

  it.each([
    ['the key outside an expression', 'Retrain inputs.dispatch_key'],
    ['another input only', 'Retrain ${{ inputs.dispatch_keys }}'],
  ])('refuses %s', (_name, runName) => {
    expect(retrainContractProblems(workflow(`"${runName}"`), RETRAIN_WORKFLOW_INPUTS)).toEqual([
      'run-name does not contain ${{ inputs.dispatch_key }}',
    ]);
  });

  it('names every missing input, in the order the action sends them', () => {
    const text = workflow('"${{ inputs.dispatch_key }}"', ['dispatch_key', 'current']);
    expect(retrainContractProblems(text, [...RETRAIN_WORKFLOW_INPUTS, 'model'])).toEqual([
      'no workflow_dispatch inputs reference, drift_share, report_url, model',
    ]);
  });

  it('reads `on` as a string, a list or a mapping', () => {
    const key = 'run-name: x ${{ inputs.dispatch_key }}\n';
    expect(retrainContractProblems(`${key}on: workflow_dispatch\n`, ['dispatch_key'])).toEqual([
      'no workflow_dispatch input dispatch_key',
    ]);
    expect(retrainContractProblems(`${key}on: [push, workflow_dispatch]\n`, [])).toEqual([]);
    expect(retrainContractProblems(`${key}on:\n  schedule: [{ cron: '0 0 * * *' }]\n`, [])).toEqual([
      'no workflow_dispatch trigger',
    ]);
  });

  it('reports a file that is not YAML or not a mapping', () => {
    expect(retrainContractProblems('on: [unclosed\n', [])[0]).toMatch(/^not valid YAML \(/);
    expect(retrainContractProblems('- a\n- b\n', [])).toEqual([
      'not a workflow (the file is not a YAML mapping)',
    ]);
  });
});
