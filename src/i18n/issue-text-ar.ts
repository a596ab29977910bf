import { ROLE_AR, ROLE_EXAMPLES_AR, type Writer, encodingName, fileAr, rangeText, rawNumber, yearsOf } from './issue-text-context';

/** The issue catalogue in Arabic: one message and one fix per issue code. */
export const AR: Writer = {
  empty_file: (c) => ({
    message: `${fileAr(c)} فارغ: لا يحتوي على صف عناوين ولا على صفوف بيانات.`,
    fix: 'تحقّق من أنك اخترت الملف الصحيح وأنه حُفظ مع بياناته؛ فقد يترك التصدير الفاشل ملفًا فارغًا.',
  }),
  binary_file: (c) => ({
    message: `${fileAr(c)} ليس ملفًا نصيًا (يبدو أنه مصنف Excel أو ملف PDF أو صورة).`,
    fix: 'افتحه في Excel أو LibreOffice واحفظه بصيغة «CSV UTF-8 (مفصول بفواصل)»، ثم حمّل ملف CSV.',
  }),
  file_too_large: (c) => {
    const size = c.num('bytes');
    const limit = c.num('limit');
    const detail =
      size !== undefined && limit !== undefined
        ? ` (${c.bytes(size)}؛ الحد الأقصى ${c.bytes(limit)})`
        : limit !== undefined
          ? ` (الحد الأقصى ${c.bytes(limit)})`
          : size !== undefined
            ? ` (${c.bytes(size)})`
            : '';
    return {
      message: `${fileAr(c)} أكبر من أن يُحمَّل${detail}.`,
      fix: 'قسّمه إلى ملفات أصغر (مثلًا ملف لكل مؤشر أو لكل سنة) وحمّلها معًا.',
    };
  },
  encoding_fallback: (c) => {
    const enc = encodingName(c);
    return {
      message: `الملف ليس بترميز UTF-8؛ قُرئ ${enc === undefined ? 'بترميز قديم' : `بترميز ${enc}`} استنادًا إلى الأحرف التي يحتويها.`,
      fix: 'راجع المعاينة: إذا ظهرت الأحرف مشوّهة فاختر الترميز الصحيح من خيارات القراءة (Windows-1256 لملفات Excel العربية)، أو احفظ الملف بصيغة «CSV UTF-8» في Excel.',
    };
  },
  encoding_replacement_chars: (c) => {
    const count = c.num('count');
    const enc = encodingName(c);
    return {
      message: `تعذّر فك ترميز ${count === undefined ? 'بعض الأحرف' : `${c.n(count)} من الأحرف`}${enc === undefined ? '' : ` بترميز ${enc}`}، فاستُبدل بها الرمز «\uFFFD».`,
      fix: 'اختر الترميز الصحيح من خيارات القراءة، أو احفظ الملف بصيغة «CSV UTF-8» في Excel.',
    };
  },
  undetectable_delimiter: () => ({
    message: 'تعذّر اكتشاف الفاصل بين الأعمدة: قُرئ كل صف كعمود واحد.',
    fix: 'اختر الفاصل (فاصلة أو فاصلة منقوطة أو مسافة جدولة أو |) من خيارات القراءة، أو تحقّق من أن الملف جدول محفوظ بصيغة CSV.',
  }),
  unknown_format: (c) => {
    const header = c.str('header');
    return {
      message: `${c.atRow}لم تُعرف الأعمدة على أنها تنسيق معروف (طولي، عريض، Open SDG، تصدير قاعدة بيانات أهداف التنمية المستدامة)${header === undefined ? '' : `. العناوين: ${header}`}.`,
      fix: 'سمِّ الأعمدة المدينة والمؤشر والسنة والقيمة (أو city وindicator وyear وvalue)، أو استخدم أحد التنسيقات الموثقة.',
    };
  },
  no_data_rows: (c) => {
    const rows = c.num('rows');
    return rows === undefined || rows === 0
      ? { message: 'يحتوي الملف على صف عناوين ولكن لا يحتوي على صفوف بيانات.', fix: 'تحقّق من أن البيانات محفوظة تحت صف العناوين، ثم حمّل الملف من جديد.' }
      : {
          message: `يحتوي الملف على ${c.n(rows)} من صفوف البيانات ولكن بلا قيم: كل خلايا القيم فارغة أو مُعلَّمة كمفقودة.`,
          fix: 'لا شيء للاستيراد بعد. املأ القيم (أو تحقّق من أن العمود الصحيح يحملها) ثم حمّل الملف من جديد.',
        };
  },
  blank_header: (c) => {
    const pos = c.num('position');
    return {
      message: `${c.atRow}${pos === undefined ? 'أحد الأعمدة' : `العمود ${pos}`} بلا اسم في صف العناوين.`,
      fix: 'اكتب اسمًا في خلية العنوان، أو احذف العمود إن كان فارغًا.',
    };
  },
  duplicate_header: (c) => {
    const pos = c.num('position');
    const name = c.issue.column === null ? '' : ` ${c.q(c.issue.column)}`;
    return {
      message: `${c.atRow}${pos === undefined ? 'أحد الأعمدة' : `العمود ${pos}`} يحمل الاسم${name} نفسه الذي يحمله عمود سابق.`,
      fix: 'أعد تسمية أحد العمودين بحيث يختلف كل عنوان عن الآخر.',
    };
  },
  missing_column: (c) => {
    const role = c.str('role');
    const header = c.str('header');
    const roleName = role === undefined ? undefined : (ROLE_AR[role] ?? role);
    return {
      message: `${c.atRow}${roleName === undefined ? 'لم يُعثر على عمود مطلوب (المدينة أو المؤشر أو السنة أو القيمة)' : `لم يُعثر على عمود ${c.q(roleName)}`}${header === undefined ? '' : ` (العناوين: ${header})`}.`,
      fix:
        role === undefined
          ? 'أضف العمود الناقص، أو أعد تسمية العمود الذي يحتوي عليه.'
          : `أضف عمودًا باسم ${ROLE_EXAMPLES_AR[role] ?? c.q(role)}، أو أعد تسمية العمود الذي يحتوي على ${roleName ?? role}.`,
    };
  },
  too_many_columns: (c) => {
    const limit = c.num('limit');
    return {
      message: `${c.atRow}في صف العناوين أكثر من ${limit === undefined ? 'مليون' : c.n(limit)} عمود: لم يُقرأ الملف (لا تتجاوز أعمدة ورقة Excel ${c.n(16384)}).`,
      fix: 'تحقّق من الفاصل في خيارات القراءة (فالفاصل الخاطئ قد يفصل كل حرف)، أو احفظ الورقة من جديد بصيغة CSV؛ وقسّم الجدول العريض جدًا إلى عدة ملفات.',
    };
  },
  extra_column: (c) => ({
    message: `${c.issue.column === null ? 'هذا العمود' : `العمود ${c.q(c.issue.column)}`} غير مستخدم وتم تجاهله.`,
    fix: 'لا حاجة لأي إجراء إن لم يكن مطلوبًا. لاستيراده، أعد تسميته باسم دور معروف (الوحدة، السلسلة، المصدر، ملاحظة) أو أبقه كتصنيف فرعي مثل الجنس أو العمر.',
  }),
  missing_quotes: (c) => {
    const lines = c.num('lines');
    const swallowed =
      lines === undefined || lines < 1
        ? ''
        : lines === 1
          ? '، فامتدت إلى السطر التالي من الملف، ولم يُستورد هذا السطر'
          : `، فامتدت إلى الأسطر التالية من الملف (عددها ${c.n(lines)})، ولم يُستورد أيٌّ منها`;
    return {
      message: `${c.at}خلية بين علامتي اقتباس لم تُغلق (تنقصها علامة " الختامية)${swallowed}.`,
      fix: 'أضف علامة الاقتباس الختامية، أو احذف علامة " الزائدة في بداية الخلية. إعادة حفظ الملف بصيغة CSV في Excel تكتب علامات الاقتباس بشكل صحيح.',
    };
  },
  invalid_quotes: (c) => ({
    message: `${c.at}علامة اقتباس (") في غير موضعها داخل خلية بين علامتي اقتباس.`,
    fix: 'داخل الخلية المقتبسة، اكتب علامة الاقتباس مرتين ("") أو احذفها.',
  }),
  ragged_row: (c) => {
    const expected = c.num('expected');
    const found = c.num('found');
    const rowName = c.issue.row === null ? 'هذا الصف' : `الصف ${c.issue.row}`;
    const more = 'ابحث عن فاصل زائد في الصف، مثل فاصلة عشرية في رقم غير مقتبس (1,5): اكتب 1.5 أو ضع الخلية بين علامتي اقتباس.';
    const fewer = 'أضف الخلايا الناقصة (اتركها فارغة إن كانت القيمة غير معروفة) ليصبح عدد خلايا الصف مساويًا لعدد الأعمدة.';
    return {
      message:
        expected !== undefined && found !== undefined
          ? `عدد خلايا ${rowName} هو ${c.n(found)}، بينما عدد أعمدة صف العناوين ${c.n(expected)}.`
          : `عدد الخلايا في ${rowName} لا يساوي عدد الأعمدة في صف العناوين.`,
      fix: expected !== undefined && found !== undefined ? (found > expected ? more : fewer) : `${more} ${fewer}`,
    };
  },
  blank_row: (c) => ({
    message: c.issue.row === null ? 'تم تخطي صف فارغ.' : `الصف ${c.issue.row} فارغ وتم تخطيه.`,
    fix: 'لا حاجة لأي إجراء؛ يمكنك حذف السطر الفارغ.',
  }),
  cell_too_long: (c) => {
    const length = c.num('length');
    const limit = c.num('limit');
    const parts = [length === undefined ? undefined : `عدد الأحرف: ${c.n(length)}`, limit === undefined ? undefined : `الحد الأقصى ${c.n(limit)}`].filter(
      (s): s is string => s !== undefined,
    );
    return {
      message: `${c.at}الخلية أطول من اللازم${parts.length ? ` (${parts.join('؛ ')})` : ''}.`,
      fix: 'يعني هذا عادةً أن علامة اقتباس فُتحت ولم تُغلق في صف سابق، فابتلعت الخلية الأسطر التي تليها. تحقّق من علامات الاقتباس في الصفوف السابقة.',
    };
  },
  not_a_number: (c) => {
    const d = c.str('decimal');
    const example = d === ',' ? '12,5' : '12.5';
    return {
      message: `${c.at}القيمة${c.value === undefined ? '' : ` ${c.value}`} ليست رقمًا.`,
      fix: `اكتب رقمًا مثل ${example}${d === undefined ? '' : ` (الفاصلة العشرية: ${d})`}، أو اترك الخلية فارغة إذا كانت القيمة مفقودة.`,
    };
  },
  ambiguous_decimal: (c) => {
    const parsed = rawNumber(c, 'parsed');
    const raw = c.issue.value;
    const readings =
      raw !== null && /^\d{1,3}[.,]\d{3}$/.test(raw.trim())
        ? ` قد تعني ${raw.trim().replace(/[.,]/, '')} أو ${raw.trim().replace(',', '.')}`
        : ' يمكن قراءتها بطريقتين';
    return {
      message: `${c.at}القيمة${c.value === undefined ? '' : ` ${c.value}`}${readings}${parsed === undefined ? '' : `؛ وقد قُرئت على أنها ${parsed}`}.`,
      fix: 'إن كان ذلك خطأً، فاختر الفاصلة العشرية من خيارات القراءة وأعد قراءة الملف.',
    };
  },
  missing_value: (c) => ({
    message: `${c.at}القيمة مفقودة${c.value === undefined || c.issue.value === '' ? '' : ` (${c.value})`}.`,
    fix: 'لا حاجة لأي إجراء إن كانت القيمة غير معروفة فعلًا؛ وإلا فاكتبها.',
  }),
  invalid_year: (c) => ({
    message: `${c.at}${c.str('reason') === 'blank' || c.issue.value === null || c.issue.value.trim() === '' ? 'السنة فارغة.' : `القيمة ${c.value ?? ''} ليست سنة.`}`,
    fix: 'اكتب سنة من أربعة أرقام مثل 2020، أو فترة مثل 2017-18 أو 2010/11.',
  }),
  year_out_of_range: (c) => {
    const min = rawNumber(c, 'min');
    const max = rawNumber(c, 'max');
    return {
      message: `${c.at}السنة${c.value === undefined ? '' : ` ${c.value}`} خارج نطاق السنوات المتوقع${min !== undefined && max !== undefined ? ` (من ${min} إلى ${max})` : ''}.`,
      fix: 'تحقّق من السنة بحثًا عن خطأ مطبعي؛ فالسنة خارج هذا النطاق غالبًا ما تكون كذلك.',
    };
  },
  missing_city: (c) => ({
    message: `${c.at}اسم المدينة فارغ.`,
    fix: 'اكتب اسم المدينة أو رمزها في هذه الخلية.',
  }),
  missing_indicator: (c) => ({
    message: `${c.at}رمز المؤشر فارغ.`,
    fix: 'اكتب رمز المؤشر، مثل 11.6.2.',
  }),
  digits_normalized: (c) => {
    const count = c.num('count');
    const where = c.issue.row === null ? '' : ` (أولها في الصف ${c.issue.row})`;
    return {
      message: `قُرئت خلايا مكتوبة بالأرقام الهندية (١٢٣) كأرقام${count === undefined ? '' : ` (عددها ${c.n(count)})`}${where}.`,
      fix: 'لا حاجة لأي إجراء.',
    };
  },
  formula_like_text: (c) => ({
    message: `${c.at}${c.value === undefined ? 'الخلية' : `الخلية ${c.value}`} تشبه صيغة جدول بيانات؛ وقد حُفظت كنص عادي.`,
    fix: 'تحقّق من أن الخلية تحتوي على ما قصدته. لا ينفّذ مرصد هذا النص أبدًا، وتضيف ملفات CSV التي يصدّرها فاصلة عليا قبله كي لا تنفّذه جداول البيانات أيضًا.',
  }),
  markup_like_text: (c) => ({
    message: `${c.at}${c.value === undefined ? 'الخلية' : `الخلية ${c.value}`} تشبه شيفرة HTML؛ وقد حُفظت كنص عادي ولن تُعرض كشيفرة أبدًا.`,
    fix: 'احذف الوسوم إن لم تكن جزءًا مقصودًا من النص.',
  }),
  unknown_indicator: (c) => {
    const code = c.str('indicator');
    if (c.issue.severity === 'error')
      return {
        message: `${c.at}${c.value ?? (code === undefined ? 'الخلية' : c.q(code))} ليس رمز مؤشر.`,
        fix: 'اكتب رمز مؤشر من مؤشرات أهداف التنمية المستدامة مثل 11.6.2، أو رمزًا محليًا مثل AMM-1 (أحرف لاتينية كبيرة ثم شرطة ثم رقم).',
      };
    return {
      message: `${c.at}${code !== undefined ? `المؤشر ${code}` : c.value !== undefined ? `المؤشر ${c.value}` : 'المؤشر'} غير موجود في السجل؛ استُوردت قيمه كمؤشر محلي بلا عنوان أو غاية.`,
      fix: 'تحقّق من الرمز بحثًا عن خطأ مطبعي. لإعطاء مؤشر محلي عنوانًا ووحدة وغاية، أضف له ملف JSON في المجلد indicators/.',
    };
  },
  indicator_alias: (c) => {
    const code = c.str('indicator');
    const canonical = c.str('canonical');
    return {
      message:
        canonical === undefined
          ? `${c.at}${code !== undefined ? `المؤشر ${code}` : 'رمز المؤشر هذا'} رمز آخر لأحد مؤشرات السجل؛ سُجّلت القيم تحت ذلك المؤشر.`
          : `${c.at}${code !== undefined ? `المؤشر ${code}` : 'رمز المؤشر هذا'} رمز آخر للمؤشر ${canonical}؛ سُجّلت القيم تحت ${canonical}.`,
      fix: 'لا حاجة لأي إجراء.',
    };
  },
  indicator_sub_code: (c) => {
    const code = c.str('indicator');
    const parent = c.str('canonical');
    return {
      message: `${c.at}${code !== undefined ? `المؤشر ${code}` : 'رمز المؤشر هذا'} مؤشر فرعي وطني أو محلي من ${parent ?? 'أحد مؤشرات السجل'}: يُقرأ مؤشرًا مستقلًا مرتبطًا بغاية ${parent ?? 'ذلك المؤشر'}، دون أن يُدمج في أرقامه أو يُحكم عليه بتعريفه.`,
      fix: 'لا حاجة لأي إجراء. لإعطائه عنوانًا ووحدة واتجاهًا وهدفًا، أضف له ملف JSON في المجلد indicators/.',
    };
  },
  value_out_of_range: (c) => {
    const code = c.str('indicator');
    const range = rangeText(c, 'ar');
    const unit = c.str('unit');
    const detail = range === undefined ? '' : ` (${range}${unit === undefined ? '' : ` ${unit}`})`;
    return {
      message: `${c.at}القيمة${c.value === undefined ? '' : ` ${c.value}`} خارج النطاق الصالح${code === undefined ? '' : ` للمؤشر ${code}`}${detail}.`,
      fix: `تحقّق من القيمة بحثًا عن خطأ مطبعي، ومن أنها بوحدة المؤشر${unit === undefined ? '' : ` (${unit})`}.`,
    };
  },
  value_near_range: (c) => {
    const code = c.str('indicator');
    const count = c.num('count');
    const low = rawNumber(c, 'low');
    const high = rawNumber(c, 'high');
    const range = rangeText(c, 'ar');
    const unit = c.str('unit');
    return {
      message: `${c.at}${count === undefined ? 'بعض القيم' : `${c.n(count)} قيمة`}${code === undefined ? '' : ` للمؤشر ${code}`}${low === undefined || high === undefined ? '' : ` (من ${low} إلى ${high})`} تقع خارج النطاق الصحيح بقليل${range === undefined ? '' : ` (${range}${unit === undefined ? '' : ` ${unit}`})`}: حُفظت كما يذكرها الملف (تقريب في المصدر، أو نسبة إجمالية تتجاوز 100٪).`,
      fix: 'لا حاجة إلى أي إجراء إن كان المصدر ينشرها هكذا؛ وإلا فصحّحها في الملف.',
    };
  },
  unit_mismatch: (c) => {
    const found = c.str('found') ?? c.issue.value ?? undefined;
    const code = c.str('indicator');
    const expected = c.str('expectedUnit');
    return {
      message: `${c.at}الوحدة ${found === undefined ? '' : `${c.q(found)} `}ليست وحدة ${code === undefined ? 'المؤشر' : `المؤشر ${code}`}${expected === undefined ? '' : ` (${expected})`}: حُفظت هذه القيم سلسلةً مستقلة بوحدتها، ولا يُحسب منها التقدم نحو هدف المؤشر.`,
      fix: `لا حاجة إلى أي إجراء إن كان الملف يقيس شيئًا آخر تحت هذا الرمز. وإن كانت القيم فعلًا ${expected === undefined ? 'بوحدة المؤشر' : `بوحدة ${expected}`} فصحّح خلية الوحدة.`,
    };
  },
  unit_not_stated: (c) => {
    const code = c.str('indicator');
    const count = c.num('count');
    const total = c.num('total');
    const low = rawNumber(c, 'low');
    const high = rawNumber(c, 'high');
    const unit = c.str('unit');
    return {
      message: `${count === undefined || total === undefined ? 'معظم القيم' : `${c.n(count)} من أصل ${c.n(total)} قيمة`}${code === undefined ? '' : ` للمؤشر ${code}`}${low === undefined || high === undefined ? '' : ` (من ${low} إلى ${high})`} لا يمكن أن تكون ${unit === undefined ? 'بوحدة المؤشر' : `بوحدة ${unit}`}، والملف لا يذكر وحدة: لذا حُفظت سلسلةً مستقلة «الوحدة غير مذكورة»، ولا يُحسب منها التقدم نحو هدف المؤشر.`,
      fix: `أضف عمودًا للوحدات يبيّن ما تقيسه القيم (أطنان، عدد…). وإن كان المقصود أن تكون ${unit === undefined ? 'بوحدة المؤشر' : `بوحدة ${unit}`} فصحّحها.`,
    };
  },
  duplicate_observation: (c) => {
    const twinColumn = c.num('firstColumn');
    if (twinColumn !== undefined) {
      const y = yearsOf(c);
      return {
        message: `${c.at}${c.value === undefined ? 'القيمة نفسها' : `القيمة ${c.value}`}${y === undefined ? '' : ` لعام ${y}`} وردت من قبل في العمود ${twinColumn} من هذا الصف (للسنة عمودان)؛ حُذفت هذه النسخة.`,
        fix: 'احذف عمود السنة المكرر.',
      };
    }
    const first = c.num('firstRow');
    const year = yearsOf(c);
    return {
      message: `${c.at}${c.value === undefined ? 'القيمة نفسها' : `القيمة ${c.value}`}${year === undefined ? '' : ` لعام ${year}`} وردت من قبل ${first === undefined ? 'في صف سابق' : `في الصف ${first}`}؛ حُذفت هذه النسخة.`,
      fix: 'لا حاجة لأي إجراء، أو احذف الصف المكرر.',
    };
  },
  conflicting_duplicate: (c) => {
    const twinColumn = c.num('firstColumn');
    if (twinColumn !== undefined) {
      const y = yearsOf(c);
      const prev = rawNumber(c, 'previousValue');
      return {
        message: `${c.at}${c.value === undefined ? 'هذه القيمة' : `القيمة ${c.value}`}${y === undefined ? '' : ` لعام ${y}`} تختلف عن القيمة في العمود ${twinColumn} من هذا الصف${prev === undefined ? '' : ` (${prev})`}: للسنة عمودان؛ لم تُستورد أي من القيمتين.`,
        fix: 'اترك عمودًا واحدًا لكل سنة: احذف العمود المكرر أو صحّح القيمة الخاطئة.',
      };
    }
    const first = c.num('firstRow');
    const year = yearsOf(c);
    const previous = rawNumber(c, 'previousValue');
    return {
      message: `${c.at}${c.value === undefined ? 'هذه القيمة' : `القيمة ${c.value}`}${year === undefined ? '' : ` لعام ${year}`} تختلف عن القيمة الواردة ${first === undefined ? 'في صف سابق' : `في الصف ${first}`}${previous === undefined ? '' : ` (${previous})`}؛ لم يُستورد أي من الصفين.`,
      fix: 'أبقِ صفًا واحدًا من الاثنين، أو ميّز بينهما بعمود تصنيف مثل الجنس أو السلسلة.',
    };
  },
  city_assumed: (c) => {
    const city = c.str('city');
    return {
      message: `لا يحتوي الملف على عمود للمدينة؛ نُسبت كل القيم إلى ${city === undefined ? 'مدينة واحدة' : c.q(city)}.`,
      fix: 'لا حاجة لأي إجراء إن كان ذلك صحيحًا؛ وإلا فأضف عمودًا للمدينة.',
    };
  },
  aggregate_row: (c) => {
    const name = c.str('name');
    return {
      message: `${c.atRow}هذا الصف مجموع إقليمي أو عالمي${name === undefined ? '' : ` (${c.q(name)})`} وليس مدينة؛ تم تخطّيه.`,
      fix: 'لا حاجة لأي إجراء. يقارن مرصد بين المدن؛ يمكن إضافة الأرقام الإقليمية كمؤشر محلي عند الحاجة.',
    };
  },
  indicator_from_filename: (c) => {
    const code = c.str('indicator');
    return {
      message: `لا يحتوي الملف على عمود للمؤشر؛ أُخذ المؤشر${code === undefined ? '' : ` ${code}`} من اسم الملف.`,
      fix: 'لا حاجة لأي إجراء إن كان ذلك صحيحًا؛ وإلا فأعد تسمية الملف أو أضف عمودًا للمؤشر.',
    };
  },
  truncated_issues: (c) => {
    const count = c.num('count');
    const shown = c.num('shown');
    return {
      message: `${shown === undefined ? 'تعرض القائمة جزءًا من المشكلات فقط' : `تعرض القائمة أول ${c.n(shown)} مشكلة فقط`}${count === undefined ? '' : `؛ ولم تُدرج ${c.n(count)} مشكلة أخرى`}. الأعداد حسب النوع كاملة.`,
      fix: 'أصلح المشكلات المدرجة، ثم حمّل الملف من جديد لرؤية البقية.',
    };
  },
};
