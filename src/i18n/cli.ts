/**
 * Words of the `abc-planner` command: help, usage errors, errors on the input with what to do,
 * the summary after a plan, progress steps and the `settings` listing. Chinese and English.
 */
import type { Catalogue, Lang } from './index';
import { translate } from './index';

export type CliMessage =
  // usage (exit code 2)
  | 'usage-no-command'
  | 'usage-unknown-command'
  | 'usage-unknown-option'
  | 'usage-missing-value'
  | 'usage-no-value'
  | 'usage-not-for-command'
  | 'usage-missing-input'
  | 'usage-extra-argument'
  | 'usage-target-and-growth'
  | 'usage-out-and-in-place'
  | 'usage-bad-target'
  | 'usage-negative-target'
  | 'usage-bad-growth'
  | 'usage-target-too-large'
  | 'usage-growth-too-large'
  | 'usage-bad-header-row'
  | 'usage-bad-lang'
  | 'usage-hint'
  | 'usage-did-you-mean'
  // the input cannot be planned (exit code 1)
  | 'error-prefix'
  | 'file-not-found'
  | 'file-is-directory'
  | 'file-unreadable'
  | 'in-file'
  | 'no-customer-sheet'
  | 'sheet-not-found'
  | 'sheet-hidden-note'
  | 'empty-sheet'
  | 'cannot-plan'
  | 'headers-found'
  | 'header-row-hint'
  | 'settings-file-not-found'
  | 'settings-file-bad-json'
  | 'settings-file-problems'
  | 'settings-sheet-problems'
  | 'write-failed'
  | 'xlsm-extension'
  | 'output-exists'
  | 'output-is-input'
  | 'unexpected'
  | 'debug-details'
  | 'input-not-a-file'
  | 'settings-not-a-file'
  | 'output-not-a-file'
  | 'settings-file-is-directory'
  | 'settings-file-is-workbook'
  | 'input-too-large'
  | 'settings-too-large'
  | 'input-changed'
  | 'output-hard-linked'
  | 'output-dangling-link'
  | 'xlsx-extension'
  | 'signed-workbook'
  | 'signature-broken'
  | 'stale-temps-removed'
  | 'owner-not-kept'
  // summary (stderr)
  | 'summary-sheet'
  | 'summary-settings-workbook'
  | 'summary-settings-file'
  | 'summary-settings-defaults'
  | 'summary-classes'
  | 'summary-target'
  | 'summary-target-growth'
  | 'summary-target-rounded'
  | 'summary-no-classified'
  | 'summary-issues'
  | 'summary-more-issues'
  | 'summary-issues-all'
  | 'summary-no-issues'
  | 'summary-written'
  | 'summary-written-in-place'
  // progress
  | 'step-read'
  | 'step-plan'
  | 'step-render'
  | 'step-write'
  | 'step-save'
  // settings listing
  | 'settings-source-workbook'
  | 'settings-source-defaults'
  | 'settings-tiers'
  | 'settings-tier'
  | 'settings-tier-cities'
  | 'settings-tier-one-city'
  | 'settings-tier-cities-more'
  | 'settings-tier-no-cities'
  | 'settings-tier-only-unlisted'
  | 'settings-tier-fallback'
  | 'settings-thresholds'
  | 'settings-threshold-columns'
  | 'settings-matrix'
  | 'settings-coverage'
  | 'settings-products-from-sheet'
  | 'settings-products'
  | 'settings-mix-history'
  | 'settings-mix'
  | 'settings-target'
  | 'settings-target-growth'
  | 'settings-basis'
  | 'settings-load'
  | 'settings-columns'
  | 'settings-industries';

export const CLI_MESSAGES: Catalogue<CliMessage> = {
  zh: {
    'usage-no-command': '缺少命令：请用 “abc-planner plan <客户表.xlsx>” 或 “abc-planner settings <工作簿.xlsx>”',
    'usage-unknown-command': '“{command}”不是 abc-planner 的命令：可用的命令是 plan 和 settings',
    'usage-unknown-option': '无法识别的选项 {option}{hint}',
    'usage-missing-value': '选项 {option} 需要一个值，例如 {example}',
    'usage-no-value': '选项 {option} 不带值，请去掉“={value}”',
    'usage-not-for-command': '选项 {option} 不能用于 {command} 命令',
    'usage-missing-input': '缺少工作簿文件：abc-planner {command} <工作簿.xlsx>',
    'usage-extra-argument': '多余的参数“{arg}”：每次只处理一个工作簿（文件名有空格时请加引号）',
    'usage-target-and-growth': '--target 和 --growth 只能给一个：公司目标要么直接给出，要么按增长率计算',
    'usage-out-and-in-place': '--out 和 --in-place 只能给一个：要么写入新文件，要么覆盖原文件',
    'usage-bad-target': '“{value}”不是有效金额：请写成 12000（万元）、1.2亿 或 12,000万',
    'usage-negative-target': '公司目标不能为负数（{value}）',
    'usage-bad-growth': '“{value}”不是有效的增长率：请写成百分数，例如 8、8% 或 --growth=-5（不小于 -100）',
    'usage-target-too-large': '--target “{value}”超过公司目标上限 {max} 万元（再大的目标无法按整单位精确分解）：请检查数字和单位，例如 12000（万元）或 1.2亿',
    'usage-growth-too-large': '--growth “{value}”超过增长率上限 {max}%：请写不大于 {max} 的百分数，或用 --target 直接给出公司目标',
    'usage-bad-header-row': '“{value}”不是有效的行号：--header-row 需要一个正整数，例如 3',
    'usage-bad-lang': '“{value}”不是支持的语言：请用 zh 或 en',
    'usage-hint': '运行 “abc-planner --help” 查看用法。',
    'usage-did-you-mean': '（是不是 {option}？）',
    'error-prefix': '错误',
    'file-not-found': '找不到文件 {file}：请检查路径和文件名',
    'file-is-directory': '{file} 是文件夹，不是工作簿文件：请给出 .xlsx 文件的路径',
    'file-unreadable': '无法读取文件 {file}（{detail}）：请检查文件权限，或确认文件未被其他程序锁定',
    'in-file': '文件 {file}：{message}',
    'no-customer-sheet':
      '文件 {file} 中没有像客户清单的工作表（需要一行表头，至少包含 客户名称、城市、客户年市场销售额、公司销售额 这几列）。已检查：{sheets}。请用 --sheet 指定客户表、用 --header-row 指定表头所在行，或在表头中使用这些列名',
    'sheet-not-found': '文件 {file} 中没有名为“{sheet}”的工作表：请检查 --sheet 的名称。工作簿中的工作表有：{sheets}',
    'sheet-hidden-note': '（隐藏的工作表不会被自动选用，需要时请用 --sheet 指定）',
    'empty-sheet': '文件 {file} 的工作表“{sheet}”是空的：请用 --sheet 指定含客户数据的工作表',
    'cannot-plan': '文件 {file} 无法计划：',
    'headers-found': '第 {row} 行的表头为：{headers}',
    'header-row-hint': '如果表头不在这一行，请用 --header-row 指定表头所在行',
    'settings-file-not-found': '找不到设置文件 {file}：请检查路径（可用 “abc-planner settings <工作簿.xlsx> --json > 设置.json” 生成一份）',
    'settings-file-bad-json': '设置文件 {file} 不是有效的 JSON（{detail}）：请修正后再试',
    'settings-file-problems': '设置文件 {file} 有以下问题，请修正后再试：',
    'settings-sheet-problems': '文件 {file} 的设置表“{sheet}”有以下问题，请在该表中修正（或删除该表以使用默认设置）后再试：',
    'xlsm-extension': '这个工作簿含有宏（.xlsm）：输出文件 {file} 也必须以 .xlsm 结尾，否则 Excel 会因扩展名与文件格式不符而拒绝打开它。没有写入任何文件；请改用 --out {name}',
    'xlsx-extension': '这个工作簿不含宏（.xlsx）：输出文件 {file} 必须以 .xlsx 结尾，否则 Excel 会因扩展名与文件格式不符而拒绝打开它。没有写入任何文件；请改用 --out {name}',
    'input-not-a-file': '{file} 是{kind}，不是普通文件：ABC Planner 只读取普通文件。请给出 .xlsx 或 .xlsm 工作簿文件的路径',
    'settings-not-a-file': '{file} 是{kind}，不是普通文件：--settings 需要一个 JSON 设置文件（可用 “abc-planner settings <工作簿.xlsx> --json > 设置.json” 生成）',
    'settings-file-is-directory': '{file} 是文件夹：--settings 需要一个 JSON 设置文件，而不是文件夹或工作簿（可用 “abc-planner settings <工作簿.xlsx> --json > 设置.json” 生成）',
    'settings-file-is-workbook': '{file} 是工作簿，不是 JSON 设置文件：--settings 需要 “abc-planner settings <工作簿.xlsx> --json > 设置.json” 生成的 JSON 文件（工作簿自己的设置表会自动使用，不必用 --settings）',
    'output-not-a-file': '{file} 是{kind}，不是普通文件：ABC Planner 只写入普通文件，不会替换设备、管道、套接字或文件夹。没有写入任何文件；请用 --out 给出一个 .xlsx 文件名',
    'input-too-large': '文件 {file} 有 {size} MB，超过了 ABC Planner 能读取的上限 {limit} MB（整个文件要放进内存）。请另存一份只含客户表的工作簿再试',
    'settings-too-large': '设置文件 {file} 有 {size} MB，超过上限 {limit} MB：设置文件通常只有几 KB，请确认给的是正确的文件',
    'input-changed': '文件 {file} 在计划期间被修改了（可能是另一个程序保存了它）：没有写入任何内容，另一个程序保存的内容保留着。请先在其他程序中关闭该文件，再运行一次',
    'output-hard-linked': '{file} 还有其他文件名指向同一份内容（硬链接，共 {links} 个名字）：替换它会让其他名字仍是旧内容，直接写入又无法保证“要么全写、要么不写”。没有写入任何文件；请用 --out 写到一个新文件，或先删除其他链接',
    'output-dangling-link': '{file} 是指向 {target} 的链接，但那个文件不存在：没有写入任何文件。请用 --out 给出实际的文件名',
    'signed-workbook': '工作簿 {file} 有数字签名（{parts}）：计划会修改签名所保护的内容，签名将不再有效（Excel 会显示签名无效）。没有写入任何文件。如确定要继续，请加上 --break-signature，之后如需签名请在 Excel 中重新签名',
    'signature-broken': '注意：{file} 原有的数字签名已不再有效；如需签名，请在 Excel 中检查后重新签名',
    'stale-temps-removed': '已删除以前中断的运行留下的 {count} 个临时文件：{names}',
    'owner-not-kept': '注意：无法保留 {file} 原来的所有者（用户 ID {uid}，组 ID {gid}）：新文件属于运行 abc-planner 的用户。需要时请管理员改回所有者',
    'output-exists': '输出文件 {file} 已存在，没有覆盖它：要覆盖，请加上 --overwrite；或用 --out 指定另一个文件名',
    'output-is-input': '输出文件 {file} 就是输入文件，没有覆盖它：要直接更新原文件，请用 --in-place（不要同时用 --out）',
    'write-failed': '无法写入 {file}（{detail}）：请确认文件夹存在且可写，并且该文件没有在 Excel 中打开',
    unexpected: 'ABC Planner 内部出错（{what}）。这不是你的文件的问题，没有写入或修改任何文件。请加上 --debug 再运行一次，然后把运行的命令、屏幕上的全部输出，以及工作簿（如果可以分享）发给你的 ABC Planner 联系人',
    'debug-details': '详细信息（--debug）：',
    'summary-sheet': '工作表“{sheet}”（表头在第 {row} 行）：{customers} 个客户',
    'summary-settings-workbook': '设置：来自工作簿中的“{sheet}”表',
    'summary-settings-file': '设置：来自文件 {file}',
    'summary-settings-defaults': '设置：默认设置（工作簿中还没有设置表，本次会写入一份）',
    'summary-classes': '客户分级：A类 {a} 个，B类 {b} 个，C类 {c} 个，未分级 {none} 个',
    'summary-target': '公司目标 {target} 万元；分配依据：{basis}；分配单位 {unit} 万元',
    'summary-target-growth': '公司目标 {target} 万元（当前销售额 {current} 万元，增长 {growth}%）；分配依据：{basis}；分配单位 {unit} 万元',
    'summary-target-rounded': '（已按分配单位取整）',
    'summary-no-classified': '没有可分级的客户，未分配目标',
    'summary-issues': '有 {count} 个需要核对的地方（错误 {errors} 个，提醒 {warnings} 个），全部列在“{sheet}”表中。前 {shown} 个：',
    'summary-issues-all': '有 {count} 个需要核对的地方（错误 {errors} 个，提醒 {warnings} 个），也列在“{sheet}”表中：',
    'summary-more-issues': '  ……另有 {rest} 个，见“{sheet}”表',
    'summary-no-issues': '没有发现需要核对的数据',
    'summary-written': '已写入 {file}',
    'summary-written-in-place': '已更新 {file}（覆盖原文件）',
    'step-read': '读取',
    'step-plan': '计划',
    'step-render': '生成',
    'step-write': '写入',
    'step-save': '保存',
    'settings-source-workbook': '工作簿 {file} 的设置，来自“{sheet}”表：',
    'settings-source-defaults': '工作簿 {file} 中没有 ABC 设置表；以下是默认设置（计划时会用它们）：',
    'settings-tiers': '城市级别（{count} 个，从高到低；未列出的城市归入“{fallback}”）：',
    'settings-tier': '{name}（代码 {id}，英文名 {other}）：',
    'settings-tier-cities': '{count} 个城市：{cities}',
    'settings-tier-one-city': '1 个城市：{cities}',
    'settings-tier-cities-more': '{count} 个城市：{cities} 等（另有 {more} 个）',
    'settings-tier-no-cities': '列表中没有城市',
    'settings-tier-only-unlisted': '所有未列出的城市',
    'settings-tier-fallback': '；以及所有未列出的城市',
    'settings-thresholds': '分级标准（万元，达到即可）：',
    'settings-threshold-columns': 'A类潜力 | A类销售额 | B类潜力 | B类销售额',
    'settings-matrix': '潜力×占有率矩阵：{splits}',
    'settings-coverage': '覆盖方式：{coverage}',
    'settings-products-from-sheet': '产品：客户表中的产品列（没有时为 产品1–产品4）',
    'settings-products': '产品：{products}',
    'settings-mix-history': '产品结构：按历史销售额（没有时平均分配）',
    'settings-mix': '产品结构：{mix}',
    'settings-target': '公司目标：{target} 万元',
    'settings-target-growth': '公司目标：按当前销售额增长 {growth}%',
    'settings-basis': '分配依据：{basis}{blend}，分配单位 {unit} 万元',
    'settings-load': '每位销售：{accounts} 个重点客户、{industries} 个行业、{regions} 个区域',
    'settings-columns': '手动指定的列：{columns}',
    'settings-industries': '行业对应：{count} 条规则',
  },
  en: {
    'usage-no-command': 'Missing command: use "abc-planner plan <customers.xlsx>" or "abc-planner settings <workbook.xlsx>"',
    'usage-unknown-command': '"{command}" is not an abc-planner command: the commands are plan and settings',
    'usage-unknown-option': 'Unknown option {option}{hint}',
    'usage-missing-value': 'Option {option} needs a value, e.g. {example}',
    'usage-no-value': 'Option {option} takes no value: remove "={value}"',
    'usage-not-for-command': 'Option {option} does not apply to the {command} command',
    'usage-missing-input': 'Missing the workbook file: abc-planner {command} <workbook.xlsx>',
    'usage-extra-argument': 'Unexpected argument "{arg}": give one workbook (quote file names with spaces)',
    'usage-target-and-growth': 'Give --target or --growth, not both: the company target is either given or grown from current sales',
    'usage-out-and-in-place': 'Give --out or --in-place, not both: either write a new file or replace the input',
    'usage-bad-target': '"{value}" is not an amount: write 12000 (in 万元, 10k CNY), 1.2亿 or 12,000万',
    'usage-negative-target': 'The company target cannot be negative ({value})',
    'usage-bad-growth': '"{value}" is not a growth rate: write a percentage such as 8, 8% or --growth=-5 (at least -100)',
    'usage-target-too-large': '--target "{value}" is above the largest company target, {max} 万元 (a larger one cannot be split exactly in whole units): check the number and its unit, e.g. 12000 (万元) or 1.2亿',
    'usage-growth-too-large': '--growth "{value}" is above the largest growth, {max}%: write a percentage of at most {max}, or give the company target with --target',
    'usage-bad-header-row': '"{value}" is not a row number: --header-row takes a positive whole number, e.g. 3',
    'usage-bad-lang': '"{value}" is not a supported language: use zh or en',
    'usage-hint': 'Run "abc-planner --help" for usage.',
    'usage-did-you-mean': ' (did you mean {option}?)',
    'error-prefix': 'Error',
    'file-not-found': 'Cannot find the file {file}: check the path and the file name',
    'file-is-directory': '{file} is a folder, not a workbook: give the path of an .xlsx file',
    'file-unreadable': 'Cannot read the file {file} ({detail}): check its permissions, and that no other program locks it',
    'in-file': 'File {file}: {message}',
    'no-customer-sheet':
      'No sheet in {file} looks like a customer list (a header row with at least the columns Customer, City, Potential and Our sales, or 客户名称, 城市, 客户年市场销售额, 公司销售额). Sheets checked: {sheets}. Name the customer sheet with --sheet and its header row with --header-row, or use those column names in the header',
    'sheet-not-found': 'There is no sheet named "{sheet}" in {file}: check the name given to --sheet. The workbook\'s sheets are: {sheets}',
    'sheet-hidden-note': ' (hidden sheets are never picked on their own: name one with --sheet)',
    'empty-sheet': 'Sheet "{sheet}" of {file} is empty: name the sheet that holds the customers with --sheet',
    'cannot-plan': '{file} cannot be planned:',
    'headers-found': 'The header on row {row} reads: {headers}',
    'header-row-hint': 'If the header is on another row, give it with --header-row',
    'settings-file-not-found': 'Cannot find the settings file {file}: check the path (make one with "abc-planner settings <workbook.xlsx> --json > settings.json")',
    'settings-file-bad-json': 'The settings file {file} is not valid JSON ({detail}): correct it and try again',
    'settings-file-problems': 'The settings file {file} has these problems; correct them and try again:',
    'settings-sheet-problems': 'The settings sheet "{sheet}" of {file} has these problems; correct them in that sheet (or delete the sheet to use the defaults) and try again:',
    'xlsm-extension': 'This workbook holds macros (.xlsm): the output {file} must end in .xlsm too, as Excel refuses to open a file whose extension does not match its format. Nothing was written; use --out {name}',
    'xlsx-extension': 'This workbook holds no macros (.xlsx): the output {file} must end in .xlsx, as Excel refuses to open a file whose extension does not match its format. Nothing was written; use --out {name}',
    'input-not-a-file': '{file} is {kind}, not a regular file: ABC Planner reads regular files only. Give the path of an .xlsx or .xlsm workbook',
    'settings-not-a-file': '{file} is {kind}, not a regular file: --settings takes a JSON settings file (make one with "abc-planner settings <workbook.xlsx> --json > settings.json")',
    'settings-file-is-directory': '{file} is a folder: --settings takes a JSON settings file, not a folder or a workbook (make one with "abc-planner settings <workbook.xlsx> --json > settings.json")',
    'settings-file-is-workbook': '{file} is a workbook, not a JSON settings file: --settings takes the JSON that "abc-planner settings <workbook.xlsx> --json > settings.json" writes (a workbook\'s own settings sheet is used without --settings)',
    'output-not-a-file': '{file} is {kind}, not a regular file: ABC Planner writes regular files only and never replaces a device, pipe, socket or folder. Nothing was written; give an .xlsx file name with --out',
    'input-too-large': 'The file {file} is {size} MB, more than the {limit} MB ABC Planner reads (the whole file is held in memory). Save a copy with only the customer sheet and try again',
    'settings-too-large': 'The settings file {file} is {size} MB, more than the {limit} MB limit: settings files are a few kB, check that this is the right file',
    'input-changed': 'The file {file} changed while it was being planned (another program saved it): nothing was written, and the other program\'s save is kept. Close the file in that program, then run again',
    'output-hard-linked': '{file} has other names for the same content (hard links, {links} names in all): replacing it would leave the other names with the old content, and writing into it cannot be made all-or-nothing. Nothing was written; write a new file with --out, or remove the other links first',
    'output-dangling-link': '{file} is a link to {target}, which does not exist: nothing was written. Give the real file name with --out',
    'signed-workbook': 'The workbook {file} is digitally signed ({parts}): planning changes what the signature covers, so the signature will no longer be valid (Excel will show it as invalid). Nothing was written. To go on, add --break-signature, and sign the workbook again in Excel afterwards if it must be signed',
    'signature-broken': 'Note: the digital signature of {file} is no longer valid; check the workbook and sign it again in Excel if it must be signed',
    'stale-temps-removed': 'Removed {count} temporary file(s) left by an interrupted earlier run: {names}',
    'owner-not-kept': 'Note: could not keep the owner of {file} (user id {uid}, group id {gid}): the new file belongs to the user who ran abc-planner. Ask an administrator to set the owner back if needed',
    'output-exists': 'The output file {file} already exists and was left as it is: to replace it, add --overwrite; or name another file with --out',
    'output-is-input': 'The output file {file} is the input file, which was left as it is: to update the input itself, use --in-place (without --out)',
    'write-failed': 'Cannot write {file} ({detail}): check that the folder exists and is writable, and that the file is not open in Excel',
    unexpected: 'ABC Planner hit an internal error ({what}). This is not a problem with your file, and no file was written or changed. Please run the command again with --debug, then send the command, all of its output and, if you may share it, the workbook to your ABC Planner contact',
    'debug-details': 'Details (--debug):',
    'summary-sheet': 'Sheet "{sheet}" (header on row {row}): {customers} customers',
    'summary-settings-workbook': 'Settings: from the workbook\'s "{sheet}" sheet',
    'summary-settings-file': 'Settings: from the file {file}',
    'summary-settings-defaults': 'Settings: the defaults (the workbook has no settings sheet yet; this run writes one)',
    'summary-classes': 'Classes: A {a}, B {b}, C {c}, not classified {none}',
    'summary-target': 'Company target {target} 万元 (10k CNY); allocation basis: {basis}; step {unit} 万元',
    'summary-target-growth': 'Company target {target} 万元 (10k CNY): current sales {current} 万元 plus {growth}%; allocation basis: {basis}; step {unit} 万元',
    'summary-target-rounded': ' (rounded to the allocation step)',
    'summary-no-classified': 'No customer could be classified: no target was allocated',
    'summary-issues': '{count} things to check ({errors} errors, {warnings} warnings), all listed in the "{sheet}" sheet. The first {shown}:',
    'summary-issues-all': '{count} things to check ({errors} errors, {warnings} warnings), also listed in the "{sheet}" sheet:',
    'summary-more-issues': '  … and {rest} more, see the "{sheet}" sheet',
    'summary-no-issues': 'Nothing in the data needs checking',
    'summary-written': 'Wrote {file}',
    'summary-written-in-place': 'Updated {file} (the input was replaced)',
    'step-read': 'reading',
    'step-plan': 'planning',
    'step-render': 'laying out',
    'step-write': 'writing',
    'step-save': 'saving',
    'settings-source-workbook': 'The settings of {file}, from its "{sheet}" sheet:',
    'settings-source-defaults': '{file} has no ABC settings sheet; these are the defaults (a plan would use them):',
    'settings-tiers': 'City tiers ({count}, highest first; cities not listed fall to {fallback}):',
    'settings-tier': '{name} (ID {id}, Chinese name {other}): ',
    'settings-tier-cities': '{count} cities: {cities}',
    'settings-tier-one-city': '1 city: {cities}',
    'settings-tier-cities-more': '{count} cities: {cities} and {more} more',
    'settings-tier-no-cities': 'no cities listed',
    'settings-tier-only-unlisted': 'every city not listed',
    'settings-tier-fallback': '; and every city not listed',
    'settings-thresholds': 'Class thresholds (万元, reached at or above):',
    'settings-threshold-columns': 'A potential | A our sales | B potential | B our sales',
    'settings-matrix': 'Potential × share matrix: {splits}',
    'settings-coverage': 'Coverage: {coverage}',
    'settings-products-from-sheet': 'Products: the customer sheet\'s product columns (else Product 1–4)',
    'settings-products': 'Products: {products}',
    'settings-mix-history': 'Product mix: from historic sales (else even)',
    'settings-mix': 'Product mix: {mix}',
    'settings-target': 'Company target: {target} 万元',
    'settings-target-growth': 'Company target: current sales plus {growth}%',
    'settings-basis': 'Allocated by: {basis}{blend}, in steps of {unit} 万元',
    'settings-load': 'Per salesperson: {accounts} named accounts, {industries} industries, {regions} regions',
    'settings-columns': 'Columns chosen by hand: {columns}',
    'settings-industries': 'Industry mapping: {count} rules',
  },
};

/** What a path is, for "{file} is {kind}" (FileKind of src/hosts/xlsx/node.ts). */
export const FILE_KIND_LABELS: Record<Lang, Record<'file' | 'directory' | 'fifo' | 'socket' | 'character-device' | 'block-device' | 'other', string>> = {
  zh: {
    file: '普通文件',
    directory: '文件夹',
    fifo: '命名管道（FIFO）',
    socket: '套接字',
    'character-device': '设备文件',
    'block-device': '磁盘设备',
    other: '特殊文件',
  },
  en: {
    file: 'a regular file',
    directory: 'a folder',
    fifo: 'a named pipe (FIFO)',
    socket: 'a socket',
    'character-device': 'a device',
    'block-device': 'a disk device',
    other: 'a special file',
  },
};

export function cliText(lang: Lang, key: CliMessage, params: Record<string, string | number> = {}): string {
  return translate(CLI_MESSAGES, lang, key, params);
}

/** `--help`: the whole usage, in each language. */
export const CLI_HELP: Record<Lang, string> = {
  zh: `abc-planner —— 客户 ABC 分级与销售目标分解（ABC Planner 命令行）

用法：
  abc-planner plan <客户表.xlsx> [选项]       对客户表做 ABC 分级并分解目标，写出计划好的工作簿
  abc-planner settings <工作簿.xlsx> [--json]  显示工作簿中保存的 ABC 设置
  abc-planner --help | --version

plan 的选项：
  --sheet 名称          客户表的工作表名（默认：第一张看起来像客户清单的可见工作表）
  --header-row 行号     表头所在的行（默认：自动识别）
  --target 金额         公司年度目标，单位万元：12000、1.2亿、12,000万 都可以
  --growth 百分比       按当前销售额增长计算目标：8 或 8%（负数写成 --growth=-5）
                        （--target 与 --growth 只能给一个；都不给时用工作簿设置中的目标）
  --settings 文件.json  使用这个设置文件（优先于工作簿中的设置表；未写的项用默认值）
  --out 输出.xlsx       输出文件（默认：与输入同一文件夹的 <输入>-planned.xlsx）
  --in-place            直接更新输入文件（不另存）
  --overwrite           输出文件已存在时覆盖它（保留原文件的权限和所有者）
  --break-signature     工作簿有数字签名时仍然计划：签名将不再有效（需要时在 Excel 中重新签名）
  --json                在标准输出打印一份 JSON 结果（客户、分级、目标、各表、问题）
  --lang zh|en          提示信息的语言（默认：按系统语言 LC_ALL / LC_MESSAGES / LANG）
  --debug               出现内部错误时显示详细信息（发给 ABC Planner 联系人）

settings 的选项：
  --json                以 JSON 打印设置（可直接作为 --settings 文件使用）
  --lang zh|en
  --debug

文件：只读写普通文件（不接受文件夹、设备、管道）；输入工作簿最大 512 MB，设置文件最大 16 MB。
新文件不会替换同时出现的同名文件；--in-place 在写入前确认文件没有被其他程序改过。

退出码：0 成功（数据中的问题只作为提醒，列在“ABC 问题”表中）；1 输入无法计划（文件不是
工作簿、已加密、找不到表头或必需的列、设置有误、无法写入……，信息中说明原因、位置和处理办法）；
2 用法错误（未知选项、缺少参数、同时给了 --target 和 --growth……）。

示例：
  abc-planner plan 客户清单.xlsx --target 1.2亿
  abc-planner plan 客户清单.xlsx --growth 8 --out 2025计划.xlsx --json > 结果.json
  abc-planner settings 2025计划.xlsx --json > 设置.json
`,
  en: `abc-planner: ABC customer classes and sales target breakdown (the ABC Planner command)

Usage:
  abc-planner plan <customers.xlsx> [options]   classify the customers, break the target down, write the planned workbook
  abc-planner settings <workbook.xlsx> [--json] show the ABC settings a workbook carries
  abc-planner --help | --version

Options of plan:
  --sheet NAME          the customer sheet (default: the first visible sheet that looks like a customer list)
  --header-row N        the row of the header (default: found automatically)
  --target AMOUNT       the company's annual target in 万元 (10k CNY): 12000, 1.2亿 or 12,000万
  --growth PCT          the target as growth over current sales: 8 or 8% (negative: --growth=-5)
                        (give --target or --growth, not both; with neither, the workbook's settings say)
  --settings FILE.json  use these settings (wins over the workbook's settings sheet; what the file
                        leaves out takes the defaults)
  --out OUTPUT.xlsx     the output file (default: <input>-planned.xlsx beside the input)
  --in-place            update the input file itself
  --overwrite           replace the output file if it exists (its mode and owner are kept)
  --break-signature     plan a digitally signed workbook anyway: its signature will no longer be
                        valid (sign it again in Excel if needed)
  --json                print one JSON document on stdout (customers, classes, targets, tables, issues)
  --lang zh|en          language of the messages (default: the system's, from LC_ALL, LC_MESSAGES, LANG)
  --debug               on an internal error, print the details (to send to your ABC Planner contact)

Options of settings:
  --json                print the settings as JSON (usable as a --settings file)
  --lang zh|en
  --debug

Files: only regular files are read and written (no folders, devices or pipes); an input workbook
may be up to 512 MB, a settings file up to 16 MB. A new output never replaces a file of the same
name that appears meanwhile; --in-place first checks that no other program changed the file.

Exit codes: 0 success (problems in the data are warnings, listed in the "ABC Issues" sheet);
1 the input cannot be planned (not a workbook, encrypted, no header or a required column missing,
bad settings, cannot write…: the message says what, where and what to do); 2 wrong usage
(unknown option, missing argument, both --target and --growth…).

Examples:
  abc-planner plan customers.xlsx --target 1.2亿
  abc-planner plan customers.xlsx --growth 8 --out plan-2025.xlsx --json > result.json
  abc-planner settings plan-2025.xlsx --json > settings.json
`,
};
