/**
 * The municipality profile: kommuner/<id>/kommun.yaml and its logo, both read
 * inside the profile's folder (which must itself lie in the content folder),
 * the colours checked for contrast and the logo checked as safe, drawable SVG.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostics } from '../diagnostics.ts';
import type { SourceFile } from './source-file.ts';
import { check, reportAt } from './validate.ts';
import { profileSchema, type ProfileInput } from './schema.ts';
import { nearest } from './schema-helpers.ts';
import { profileContrastProblems } from './contrast.ts';
import { decodeText, folderInside, readInside, readProblemMessage, textProblemCode, textProblemMessage } from './read-inside.ts';
import { displayPath, readSource } from './read-source.ts';
import { svgDraws, svgHint, svgProblem } from './svg-safety.ts';
import { PROFILE_FILE, PROFILES_FOLDER } from './folders.ts';

export interface LoadedProfile {
  id: string;
  input: ProfileInput;
  logoSvg: string;
}

export function loadProfile(contentRoot: string, kommun: string, indexSource: SourceFile, diagnostics: Diagnostics): LoadedProfile | undefined {
  const profileDir = join(contentRoot, PROFILES_FOLDER, kommun);
  const profilePath = join(profileDir, PROFILE_FILE);
  if (!existsSync(profilePath)) {
    const available = existsSync(join(contentRoot, PROFILES_FOLDER))
      ? readdirSync(join(contentRoot, PROFILES_FOLDER)).filter((f) => existsSync(join(contentRoot, PROFILES_FOLDER, f, PROFILE_FILE)))
      : [];
    const suggestion = nearest(kommun, available);
    reportAt(
      diagnostics,
      indexSource,
      ['kommun'],
      'kommun-saknas',
      `Kommunprofilen "${kommun}" finns inte (${displayPath(profilePath)}).${suggestion ? ` Menade du "${suggestion}"?` : ''}|${
        available.length ? `Tillgängliga profiler: ${available.join(', ')}.` : `Skapa ${displayPath(profilePath)} med namn, logotyp, färger och typsnitt.`
      }`,
    );
    return undefined;
  }
  if (!folderInside(profileDir, join(contentRoot, PROFILES_FOLDER)) || !folderInside(profileDir, contentRoot)) {
    reportAt(
      diagnostics,
      indexSource,
      ['kommun'],
      'utanför-mappen',
      `Kommunprofilens mapp ${displayPath(profileDir)} är en genväg (symbolisk länk) till en mapp utanför ${displayPath(join(contentRoot, PROFILES_FOLDER))} och läses inte.|Kopiera profilen (kommun.yaml och logotypen) in i ${displayPath(join(contentRoot, PROFILES_FOLDER))} i stället för att länka till den.`,
    );
    return undefined;
  }
  const source = readSource(profilePath, profileDir, diagnostics);
  if (!source) return undefined;
  const input = check(profileSchema, source.data, source, [], diagnostics);
  if (!input) return undefined;
  const contrast = profileContrastProblems(input.färger);
  for (const p of contrast) reportAt(diagnostics, source, ['färger', p.field], 'kontrast', p.message);
  if (contrast.length > 0) return undefined;
  const logoPath = join(profileDir, input.logotyp);
  const logo = readInside(logoPath, profileDir);
  if ('problem' in logo) {
    const { message, hint } = readProblemMessage(logo.problem, `"${input.logotyp}"`, displayPath(profileDir));
    reportAt(
      diagnostics,
      source,
      ['logotyp'],
      logo.problem.kind === 'outside' ? 'utanför-mappen' : 'fil-saknas',
      logo.problem.kind === 'missing' ? `Logotypen "${input.logotyp}" finns inte i ${displayPath(profileDir)}.|Lägg SVG-filen i kommunprofilens mapp.` : `Logotypen: ${message}|${hint}`,
    );
    return undefined;
  }
  const decoded = decodeText(logo.data);
  if (!('text' in decoded)) {
    const { message, hint } = textProblemMessage(decoded.problem, decoded.line);
    reportAt(diagnostics, source, ['logotyp'], textProblemCode[decoded.problem], `Logotypen "${input.logotyp}": ${message}|${hint}`);
    return undefined;
  }
  const problem = svgProblem(decoded.text);
  if (problem) {
    reportAt(
      diagnostics,
      source,
      ['logotyp'],
      'osäker-svg',
      `Logotypen "${input.logotyp}"${problem.line ? ` (rad ${problem.line})` : ''} innehåller ${problem.what}, som inte tillåts i rapporter.|${problem.hint ?? svgHint}`,
    );
    return undefined;
  }
  if (!svgDraws(decoded.text)) {
    reportAt(diagnostics, source, ['logotyp'], 'osäker-svg', `Logotypen "${input.logotyp}" kan inte ritas till Word och PDF (SVG-filen är ogiltig för ritprogrammet).|${svgHint}`);
    return undefined;
  }
  return { id: kommun, input, logoSvg: decoded.text };
}
