/**
 * Writes what `kommunrapport init` decided: the report folder and, when the
 * municipality has none yet, its profile. Never overwrites: an existing report
 * folder is refused before anything is written.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROFILE_FILE, PROFILES_FOLDER } from '../content/load.ts';
import { logoSvg, profileYaml, reportFiles, reportFolderName, type InitAnswers } from './templates.ts';

export interface Scaffolded {
  reportDir: string;
  /** Every file written, in order. */
  written: string[];
  profileCreated: boolean;
}

export class FolderExistsError extends Error {
  override name = 'FolderExistsError';
  constructor(readonly path: string) {
    super(`Mappen ${path} finns redan.`);
  }
}

export function scaffold(contentDir: string, answers: InitAnswers, folder = reportFolderName(answers)): Scaffolded {
  const reportDir = join(contentDir, folder);
  if (existsSync(reportDir)) throw new FolderExistsError(reportDir);
  const written: string[] = [];
  const write = (path: string, text: string) => {
    writeFileSync(path, text, { flag: 'wx' });
    written.push(path);
  };
  const profileDir = join(contentDir, PROFILES_FOLDER, answers.kommunId);
  const profileCreated = !existsSync(join(profileDir, PROFILE_FILE));
  if (profileCreated) {
    mkdirSync(profileDir, { recursive: true });
    write(join(profileDir, PROFILE_FILE), profileYaml(answers));
    if (!existsSync(join(profileDir, 'logotyp.svg'))) write(join(profileDir, 'logotyp.svg'), logoSvg(answers));
  }
  mkdirSync(reportDir, { recursive: true });
  for (const [name, text] of Object.entries(reportFiles(answers))) write(join(reportDir, name), text);
  return { reportDir, written, profileCreated };
}
