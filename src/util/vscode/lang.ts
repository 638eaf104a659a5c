// The editor's language for the engines' Localized {ko, en} texts: the one place
// the editor side turns vscode.env.language into a Lang.
import * as vscode from 'vscode';
import { langFromLocale, type Lang } from '../i18n';

export function uiLang(): Lang {
  return langFromLocale(vscode.env.language);
}
