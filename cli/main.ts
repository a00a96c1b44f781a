// The `fivestar` command: the same services as the web API, without HTTP.
import { Command } from 'commander';
import { registerOpsCommands } from './ops-commands.js';
import { registerOrgCommands } from './org-commands.js';
import { registerRaterCommands } from './rater-commands.js';
import { registerStandardCommands } from './standard-commands.js';
import { registerSealCommands } from './seal-commands.js';
import { registerSecurityCommands } from './security-commands.js';
import { registerAuditCommands } from './audit-commands.js';
import { registerSurveyCommands } from './survey-commands.js';

const program = new Command();
program.name('fivestar').description('五星级乡村党组织创建管理平台 命令行工具').showHelpAfterError();
registerOpsCommands(program);
registerOrgCommands(program);
registerStandardCommands(program);
registerSealCommands(program);
registerRaterCommands(program);
registerSecurityCommands(program);
registerAuditCommands(program);
registerSurveyCommands(program);

await program.parseAsync(process.argv);
