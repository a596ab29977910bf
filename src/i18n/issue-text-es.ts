import { ROLE_ES, ROLE_EXAMPLES_ES, type Writer, encodingName, fileEs, rangeText, rawNumber, yearsOf } from './issue-text-context';

/** The issue catalogue in Spanish: one message and one fix per issue code. */
/** Spanish (formal “usted”, as in UN Spanish texts). UI labels quoted here (Opciones de lectura) match messages-es.ts. */
export const ES: Writer = {
  empty_file: (c) => ({
    message: `${fileEs(c)} está vacío: no tiene encabezado ni filas de datos.`,
    fix: 'Compruebe que eligió el archivo correcto y que se guardó con sus datos; una exportación fallida puede dejar un archivo vacío.',
  }),
  binary_file: (c) => ({
    message: `${fileEs(c)} no es un archivo de texto (parece un libro de Excel, un PDF o una imagen).`,
    fix: 'Ábralo en Excel o LibreOffice, guárdelo como «CSV UTF-8 (delimitado por comas)» y cargue el archivo CSV.',
  }),
  file_too_large: (c) => {
    const size = c.num('bytes');
    const limit = c.num('limit');
    const detail =
      size !== undefined && limit !== undefined
        ? ` (${c.bytes(size)}; el límite es de ${c.bytes(limit)})`
        : limit !== undefined
          ? ` (el límite es de ${c.bytes(limit)})`
          : size !== undefined
            ? ` (${c.bytes(size)})`
            : '';
    return {
      message: `${fileEs(c)} es demasiado grande para cargarlo${detail}.`,
      fix: 'Divídalo en archivos más pequeños (por ejemplo, uno por indicador o por año) y cárguelos juntos.',
    };
  },
  encoding_fallback: (c) => {
    const enc = encodingName(c);
    return {
      message: `El archivo no está en UTF-8; se leyó ${enc === undefined ? 'con una codificación antigua' : `con la codificación ${enc}`}, deducida de los caracteres que contiene.`,
      fix: 'Revise la vista previa: si las letras se ven mal, elija la codificación en Opciones de lectura (Windows-1256 para archivos de Excel en árabe) o guarde el archivo como «CSV UTF-8» en Excel.',
    };
  },
  encoding_replacement_chars: (c) => {
    const count = c.num('count');
    const enc = encodingName(c);
    const one = count === 1;
    const what = count === undefined ? 'Algunos caracteres' : `${c.n(count)} ${one ? 'carácter' : 'caracteres'}`;
    return {
      message: `${what} no se ${one ? 'pudo' : 'pudieron'} decodificar${enc === undefined ? '' : ` como ${enc}`} y se ${one ? 'reemplazó' : 'reemplazaron'} por «\uFFFD».`,
      fix: 'Elija la codificación correcta en Opciones de lectura o guarde el archivo como «CSV UTF-8» en Excel.',
    };
  },
  undetectable_delimiter: () => ({
    message: 'No se pudo detectar el delimitador: cada fila se leyó como una sola columna.',
    fix: 'Elija el delimitador (coma, punto y coma, tabulación o |) en Opciones de lectura, o compruebe que el archivo es una tabla guardada como CSV.',
  }),
  unknown_format: (c) => {
    const header = c.str('header');
    return {
      message: c.at_(
        c.atRow,
        `las columnas no corresponden a ningún formato conocido (largo, ancho, Open SDG, exportación de la base de datos de los ODS de las Naciones Unidas)${header === undefined ? '' : `. Encabezado: ${header}`}.`,
      ),
      fix: 'Nombre las columnas ciudad, indicador, año y valor (o city, indicator, year, value), o use uno de los formatos documentados.',
    };
  },
  no_data_rows: (c) => {
    const rows = c.num('rows');
    return rows === undefined || rows === 0
      ? {
          message: 'El archivo tiene encabezado pero no tiene filas de datos.',
          fix: 'Compruebe que los datos se guardaron debajo del encabezado y vuelva a cargar el archivo.',
        }
      : {
          message: `El archivo tiene ${c.n(rows)} ${rows === 1 ? 'fila' : 'filas'} de datos pero ningún valor: todas las celdas de valor están vacías o marcadas como faltantes.`,
          fix: 'Todavía no hay nada que importar. Complete los valores (o compruebe que la columna correcta los contiene) y vuelva a cargar el archivo.',
        };
  },
  blank_header: (c) => {
    const pos = c.num('position');
    return {
      message: c.at_(c.atRow, `${pos === undefined ? 'una columna' : `la columna ${pos}`} no tiene nombre en el encabezado.`),
      fix: 'Escriba un nombre en la celda del encabezado o elimine la columna si está vacía.',
    };
  },
  duplicate_header: (c) => {
    const pos = c.num('position');
    const name = c.issue.column === null ? '' : ` ${c.q(c.issue.column)}`;
    return {
      message: c.at_(c.atRow, `${pos === undefined ? 'una columna' : `la columna ${pos}`} tiene el mismo nombre${name} que una columna anterior.`),
      fix: 'Cambie el nombre de una de las dos columnas para que todos los encabezados sean distintos.',
    };
  },
  missing_column: (c) => {
    const role = c.str('role');
    const header = c.str('header');
    const names = role === undefined ? undefined : ROLE_ES[role];
    const roleName = role === undefined ? undefined : (names?.[0] ?? role);
    return {
      message: c.at_(
        c.atRow,
        `${roleName === undefined ? 'no se encontró una columna obligatoria (ciudad, indicador, año o valor)' : `no se encontró ninguna columna ${c.q(roleName)}`}${header === undefined ? '' : ` (encabezados: ${header})`}.`,
      ),
      fix:
        role === undefined
          ? 'Añada la columna que falta o cambie el nombre de la columna que la contiene.'
          : `Añada una columna llamada ${ROLE_EXAMPLES_ES[role] ?? c.q(role)} o cambie el nombre de la columna que contiene ${names?.[1] ?? c.q(role)}.`,
    };
  },
  too_many_columns: (c) => {
    const limit = c.num('limit');
    return {
      message: c.at_(c.atRow, `el encabezado tiene más de ${limit === undefined ? 'un millón de' : c.n(limit)} columnas: el archivo no se leyó (una hoja de Excel tiene como máximo ${c.n(16384)}).`),
      fix: 'Compruebe el delimitador en las opciones de lectura (uno equivocado puede separar cada carácter) o vuelva a guardar la hoja como CSV; divida una tabla muy ancha en varios archivos.',
    };
  },
  extra_column: (c) => ({
    message: c.at_(c.issue.column === null ? '' : `Columna ${c.q(c.issue.column)}: `, 'esta columna no se usa y se ignoró.'),
    fix: 'No hace falta hacer nada si no se necesita. Para importarla, cámbiele el nombre por un rol conocido (unidad, serie, fuente, nota) o consérvela como desglose, por ejemplo sexo o edad.',
  }),
  missing_quotes: (c) => {
    const lines = c.num('lines');
    const swallowed =
      lines === undefined || lines < 1
        ? ''
        : lines === 1
          ? '; se extiende a la línea siguiente del archivo, que no se importó'
          : `; se extiende a las ${c.n(lines)} líneas siguientes del archivo, que no se importaron`;
    return {
      message: c.at_(c.at, `una celda entre comillas no está cerrada (falta la " de cierre)${swallowed}.`),
      fix: 'Añada la comilla de cierre que falta o elimine la " sobrante al principio de la celda. Si vuelve a guardar el archivo como CSV en Excel, las comillas se escriben correctamente.',
    };
  },
  invalid_quotes: (c) => ({
    message: c.at_(c.at, 'hay una comilla (") fuera de lugar dentro de una celda entre comillas.'),
    fix: 'Dentro de una celda entre comillas, escriba la comilla dos veces ("") o elimínela.',
  }),
  ragged_row: (c) => {
    const expected = c.num('expected');
    const found = c.num('found');
    const rowName = c.issue.row === null ? 'Esta fila' : `La fila ${c.issue.row}`;
    const more = 'Busque un delimitador de más en la fila, por ejemplo una coma decimal en un número sin comillas (1,5): escriba 1.5 o ponga la celda entre comillas.';
    const fewer = 'Añada las celdas que faltan (déjelas vacías si un valor es desconocido) para que la fila tenga tantas celdas como el encabezado.';
    return {
      message:
        expected !== undefined && found !== undefined
          ? `${rowName} tiene ${c.n(found)} ${found === 1 ? 'celda' : 'celdas'}, pero el encabezado tiene ${c.n(expected)}.`
          : `${rowName} no tiene tantas celdas como el encabezado.`,
      fix: expected !== undefined && found !== undefined ? (found > expected ? more : fewer) : `${more} ${fewer}`,
    };
  },
  blank_row: (c) => ({
    message: c.issue.row === null ? 'Se omitió una fila vacía.' : `La fila ${c.issue.row} está vacía y se omitió.`,
    fix: 'No hace falta hacer nada; puede eliminar la línea vacía.',
  }),
  cell_too_long: (c) => {
    const length = c.num('length');
    const limit = c.num('limit');
    const parts = [length === undefined ? undefined : `${c.n(length)} caracteres`, limit === undefined ? undefined : `el límite es de ${c.n(limit)}`].filter(
      (s): s is string => s !== undefined,
    );
    return {
      message: c.at_(c.at, `la celda es demasiado larga${parts.length ? ` (${parts.join('; ')})` : ''}.`),
      fix: 'Esto suele indicar que se abrió una comilla antes de esta fila y nunca se cerró, de modo que la celda absorbió las líneas siguientes. Revise las comillas de las filas anteriores.',
    };
  },
  not_a_number: (c) => {
    const d = c.str('decimal');
    const example = d === ',' ? '12,5' : '12.5';
    return {
      message: c.at_(c.at, `${c.value ?? 'el valor'} no es un número.`),
      fix: `Escriba un número como ${example}${d === undefined ? '' : ` (separador decimal: ${d})`} o deje la celda vacía si falta el valor.`,
    };
  },
  ambiguous_decimal: (c) => {
    const parsed = rawNumber(c, 'parsed');
    const raw = c.issue.value;
    const readings =
      raw !== null && /^\d{1,3}[.,]\d{3}$/.test(raw.trim())
        ? ` puede significar ${raw.trim().replace(/[.,]/, '')} o ${raw.trim().replace(',', '.')}`
        : ' puede leerse de dos maneras';
    return {
      message: c.at_(c.at, `${c.value ?? 'el valor'}${readings}${parsed === undefined ? '' : `; se leyó como ${parsed}`}.`),
      fix: 'Si no es correcto, elija el separador decimal en Opciones de lectura y vuelva a leer el archivo.',
    };
  },
  missing_value: (c) => ({
    message: c.at_(c.at, `falta el valor${c.value === undefined || c.issue.value === '' ? '' : ` (${c.value})`}.`),
    fix: 'No hace falta hacer nada si el valor es realmente desconocido; de lo contrario, escríbalo.',
  }),
  invalid_year: (c) => ({
    message: c.at_(c.at, c.str('reason') === 'blank' || c.issue.value === null || c.issue.value.trim() === '' ? 'el año está vacío.' : `${c.value ?? ''} no es un año.`),
    fix: 'Escriba un año de cuatro cifras, como 2020, o un período, como 2017-18 o 2010/11.',
  }),
  year_out_of_range: (c) => {
    const min = rawNumber(c, 'min');
    const max = rawNumber(c, 'max');
    return {
      message: c.at_(c.at, `${c.value ?? 'el año'} está fuera de los años esperados${min !== undefined && max !== undefined ? ` (de ${min} a ${max})` : ''}.`),
      fix: 'Compruebe si el año tiene un error de escritura; un año fuera de este intervalo suele tenerlo.',
    };
  },
  missing_city: (c) => ({
    message: c.at_(c.at, 'el nombre de la ciudad está vacío.'),
    fix: 'Escriba el nombre o el código de la ciudad en esta celda.',
  }),
  missing_indicator: (c) => ({
    message: c.at_(c.at, 'el código del indicador está vacío.'),
    fix: 'Escriba el código del indicador, por ejemplo, 11.6.2.',
  }),
  digits_normalized: (c) => {
    const count = c.num('count');
    const where = c.issue.row === null ? '' : ` (la primera en la fila ${c.issue.row})`;
    return {
      message:
        count === undefined
          ? `Las celdas escritas con cifras arábigas orientales (١٢٣) se leyeron como números${where}.`
          : count === 1
            ? `${c.n(count)} celda escrita con cifras arábigas orientales (١٢٣) se leyó como número${where}.`
            : `${c.n(count)} celdas escritas con cifras arábigas orientales (١٢٣) se leyeron como números${where}.`,
      fix: 'No hace falta hacer nada.',
    };
  },
  formula_like_text: (c) => ({
    message: c.at_(c.at, `${c.value ?? 'la celda'} parece una fórmula de hoja de cálculo; se conserva como texto sin formato.`),
    fix: 'Compruebe que la celda contiene lo que quería. Marsad nunca la ejecuta, y sus exportaciones CSV añaden un apóstrofo para que las hojas de cálculo tampoco lo hagan.',
  }),
  markup_like_text: (c) => ({
    message: c.at_(c.at, `${c.value ?? 'la celda'} parece HTML; se conserva como texto sin formato y nunca se muestra como marcado.`),
    fix: 'Elimine las etiquetas si no forman parte del texto.',
  }),
  unknown_indicator: (c) => {
    const code = c.str('indicator');
    if (c.issue.severity === 'error')
      return {
        message: c.at_(c.at, `${c.value ?? (code === undefined ? 'la celda' : c.q(code))} no es un código de indicador.`),
        fix: 'Escriba un código de indicador de los ODS, como 11.6.2, o un código local, como AMM-1 (letras mayúsculas, un guion y un número).',
      };
    return {
      message: c.at_(
        c.at,
        `${code !== undefined ? `el indicador ${code}` : c.value !== undefined ? `el indicador ${c.value}` : 'el indicador'} no figura en el registro; sus valores se importaron como indicador local, sin título ni meta.`,
      ),
      fix: 'Compruebe que el código no tenga errores de escritura. Para dar a un indicador local un título, una unidad y una meta, añada un archivo JSON para él en indicators/.',
    };
  },
  indicator_alias: (c) => {
    const code = c.str('indicator');
    const canonical = c.str('canonical');
    const subject = code !== undefined ? `el indicador ${code}` : 'este código de indicador';
    return {
      message: c.at_(
        c.at,
        canonical === undefined
          ? `${subject} es otro código de un indicador del registro; los valores se asignaron a ese indicador.`
          : `${subject} es otro código de ${canonical}; los valores se asignaron a ${canonical}.`,
      ),
      fix: 'No hace falta hacer nada.',
    };
  },
  indicator_sub_code: (c) => {
    const code = c.str('indicator');
    const parent = c.str('canonical');
    return {
      message: c.at_(
        c.at,
        `${code !== undefined ? `el indicador ${code}` : 'este código de indicador'} es un subindicador nacional o local de ${parent ?? 'un indicador del registro'}: se lee como un indicador propio, vinculado a la meta de ${parent ?? 'ese indicador'}, sin fusionarse con sus cifras ni juzgarse según su definición.`,
      ),
      fix: 'No hace falta hacer nada. Para darle un título, una unidad, un sentido y una meta, añada un archivo JSON para él en indicators/.',
    };
  },
  value_out_of_range: (c) => {
    const code = c.str('indicator');
    const range = rangeText(c, 'es');
    const unit = c.str('unit');
    const detail = range === undefined ? '' : ` (${range}${unit === undefined ? '' : `\u00a0${unit}`})`;
    return {
      message: c.at_(c.at, `${c.value ?? 'el valor'} está fuera del intervalo válido${code === undefined ? '' : ` del indicador ${code}`}${detail}.`),
      fix: `Compruebe que el valor no tenga errores de escritura y que esté expresado en la unidad del indicador${unit === undefined ? '' : ` (${unit})`}.`,
    };
  },
  value_near_range: (c) => {
    const code = c.str('indicator');
    const count = c.num('count');
    const low = rawNumber(c, 'low');
    const high = rawNumber(c, 'high');
    const range = rangeText(c, 'es');
    const unit = c.str('unit');
    return {
      message: `${c.at}${count === undefined ? 'Algunos valores' : `${c.n(count)} valor${count === 1 ? '' : 'es'}`}${code === undefined ? '' : ` del indicador ${code}`}${low === undefined || high === undefined ? '' : ` (${low} a ${high})`} quedan justo fuera del rango válido${range === undefined ? '' : ` (${range}${unit === undefined ? '' : ` ${unit}`})`}: se conservan tal como los da el archivo (redondeo en la fuente, o una tasa bruta superior al 100 %).`,
      fix: 'No hace falta nada si la fuente los publica así; si no, corríjalos en el archivo.',
    };
  },
  unit_mismatch: (c) => {
    const found = c.str('found') ?? c.issue.value ?? undefined;
    const code = c.str('indicator');
    const expected = c.str('expectedUnit');
    return {
      message: c.at_(
        c.at,
        `la unidad ${found === undefined ? '' : `${c.q(found)} `}no es la del indicador${code === undefined ? '' : ` ${code}`}${expected === undefined ? '' : ` (${expected})`}: estos valores se conservan como una serie propia con su propia unidad, y el progreso hacia la meta del indicador no se calcula a partir de ellos.`,
      ),
      fix: `No hace falta nada si el archivo mide otra cosa con este código. Si los valores están de hecho en ${expected ?? 'la unidad del indicador'}, corrija la celda de la unidad.`,
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
      message: `${count === undefined || total === undefined ? 'La mayoría de los valores' : `${c.n(count)} de ${c.n(total)} valores`}${code === undefined ? '' : ` del indicador ${code}`}${low === undefined || high === undefined ? '' : ` (de ${low} a ${high})`} no pueden estar en ${unit ?? 'la unidad del indicador'} y el archivo no indica ninguna unidad: se conservan como una serie propia, «unidad no indicada», y el progreso hacia la meta del indicador no se calcula a partir de ellos.`,
      fix: `Añada una columna de unidades que diga qué miden los valores (toneladas, un recuento…). Si deben estar en ${unit ?? 'la unidad del indicador'}, corríjalos.`,
    };
  },
  duplicate_observation: (c) => {
    const twinColumn = c.num('firstColumn');
    if (twinColumn !== undefined) {
      const y = yearsOf(c);
      return {
        message: c.at_(c.at, `${c.value ?? 'el mismo valor'}${y === undefined ? '' : ` para ${y}`} ya figuraba en la columna ${twinColumn} de esta fila (el año tiene dos columnas); se descartó esta copia.`),
        fix: 'Elimine la columna de año repetida.',
      };
    }
    const first = c.num('firstRow');
    const year = yearsOf(c);
    return {
      message: c.at_(
        c.at,
        `${c.value ?? 'el mismo valor'}${year === undefined ? '' : ` para ${year}`} ya figuraba${first === undefined ? ' en una fila anterior' : ` en la fila ${first}`}; se descartó esta copia.`,
      ),
      fix: 'No hace falta hacer nada, o elimine la fila repetida.',
    };
  },
  conflicting_duplicate: (c) => {
    const twinColumn = c.num('firstColumn');
    if (twinColumn !== undefined) {
      const y = yearsOf(c);
      const prev = rawNumber(c, 'previousValue');
      return {
        message: c.at_(c.at, `${c.value ?? 'este valor'}${y === undefined ? '' : ` para ${y}`} difiere del valor de la columna ${twinColumn} de esta fila${prev === undefined ? '' : ` (${prev})`}: el año tiene dos columnas; no se importó ninguno de los dos valores.`),
        fix: 'Deje una columna por año: elimine la columna repetida o corrija el valor erróneo.',
      };
    }
    const first = c.num('firstRow');
    const year = yearsOf(c);
    const previous = rawNumber(c, 'previousValue');
    return {
      message: c.at_(
        c.at,
        `${c.value ?? 'este valor'}${year === undefined ? '' : ` para ${year}`} difiere del valor indicado${first === undefined ? ' en una fila anterior' : ` en la fila ${first}`}${previous === undefined ? '' : ` (${previous})`}; no se importó ninguna de las dos filas.`,
      ),
      fix: 'Conserve solo una de las dos filas o distíngalas con una columna de desglose, como sexo o serie.',
    };
  },
  city_assumed: (c) => {
    const city = c.str('city');
    return {
      message: `El archivo no tiene columna de ciudad; todos los valores se asignaron a ${city === undefined ? 'una sola ciudad' : c.q(city)}.`,
      fix: 'No hace falta hacer nada si es correcto; de lo contrario, añada una columna de ciudad.',
    };
  },
  aggregate_row: (c) => {
    const name = c.str('name');
    return {
      message: c.at_(c.atRow, `esta fila es un agregado regional o mundial${name === undefined ? '' : ` (${c.q(name)})`}, no una ciudad; se omitió.`),
      fix: 'No hace falta hacer nada. Marsad compara ciudades; las cifras regionales pueden añadirse como indicador local si es necesario.',
    };
  },
  indicator_from_filename: (c) => {
    const code = c.str('indicator');
    return {
      message: `El archivo no tiene columna de indicador; el indicador${code === undefined ? '' : ` ${code}`} se tomó del nombre del archivo.`,
      fix: 'No hace falta hacer nada si es correcto; de lo contrario, cambie el nombre del archivo o añada una columna de indicador.',
    };
  },
  truncated_issues: (c) => {
    const count = c.num('count');
    const shown = c.num('shown');
    return {
      message: `${shown === undefined ? 'Solo se muestra una parte de los problemas' : `Solo se muestran los primeros ${c.n(shown)} problemas`}${count === undefined ? '' : `; se ${count === 1 ? 'omitió' : 'omitieron'} ${c.n(count)} más`}. Los recuentos por tipo están completos.`,
      fix: 'Corrija los problemas indicados y vuelva a cargar el archivo para ver el resto.',
    };
  },
};
