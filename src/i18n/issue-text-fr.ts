import { ROLE_EXAMPLES_FR, ROLE_FR, type Writer, encodingName, fileFr, rangeText, rawNumber, yearsOf } from './issue-text-context';

/**
 * French. Typography: a no-break space (`\u00a0`) before `:` and inside « », a narrow no-break space
 * (`\u202f`) before `;`. French counts 0 and 1 as singular. UI labels quoted here (Options de lecture)
 * match messages-fr.ts.
 */
export const FR: Writer = {
  empty_file: (c) => ({
    message: `${fileFr(c)} est vide\u00a0: il n’a ni ligne d’en-tête ni lignes de données.`,
    fix: 'Vérifiez que vous avez choisi le bon fichier et qu’il a été enregistré avec ses données\u202f; un export qui a échoué peut laisser un fichier vide.',
  }),
  binary_file: (c) => ({
    message: `${fileFr(c)} n’est pas un fichier texte (il ressemble à un classeur Excel, à un PDF ou à une image).`,
    fix: 'Ouvrez-le dans Excel ou LibreOffice, enregistrez-le au format «\u00a0CSV UTF-8 (délimité par des virgules)\u00a0», puis chargez le fichier CSV.',
  }),
  file_too_large: (c) => {
    const size = c.num('bytes');
    const limit = c.num('limit');
    const detail =
      size !== undefined && limit !== undefined
        ? ` (${c.bytes(size)}\u202f; la limite est de ${c.bytes(limit)})`
        : limit !== undefined
          ? ` (la limite est de ${c.bytes(limit)})`
          : size !== undefined
            ? ` (${c.bytes(size)})`
            : '';
    return {
      message: `${fileFr(c)} est trop volumineux pour être chargé${detail}.`,
      fix: 'Divisez-le en fichiers plus petits (par exemple un par indicateur ou par année) et chargez-les ensemble.',
    };
  },
  encoding_fallback: (c) => {
    const enc = encodingName(c);
    return {
      message: `Le fichier n’est pas en UTF-8\u202f; il a été lu ${enc === undefined ? 'avec un ancien encodage' : `avec l’encodage ${enc}`}, déduit des caractères qu’il contient.`,
      fix: 'Vérifiez l’aperçu\u00a0: si des lettres s’affichent mal, choisissez l’encodage dans Options de lecture (Windows-1256 pour les fichiers Excel en arabe) ou enregistrez le fichier au format «\u00a0CSV UTF-8\u00a0» dans Excel.',
    };
  },
  encoding_replacement_chars: (c) => {
    const count = c.num('count');
    const enc = encodingName(c);
    const one = count !== undefined && Math.abs(count) < 2;
    const what = count === undefined ? 'Certains caractères' : `${c.n(count)} ${one ? 'caractère' : 'caractères'}`;
    return {
      message: `${what} ${one ? 'n’a' : 'n’ont'} pas pu être ${one ? 'décodé' : 'décodés'}${enc === undefined ? '' : ` en ${enc}`} et ${one ? 'a été remplacé' : 'ont été remplacés'} par «\u00a0\uFFFD\u00a0».`,
      fix: 'Choisissez le bon encodage dans Options de lecture, ou enregistrez le fichier au format «\u00a0CSV UTF-8\u00a0» dans Excel.',
    };
  },
  undetectable_delimiter: () => ({
    message: 'Le séparateur de colonnes n’a pas pu être détecté\u00a0: chaque ligne a été lue comme une seule colonne.',
    fix: 'Choisissez le séparateur (virgule, point-virgule, tabulation ou |) dans Options de lecture, ou vérifiez que le fichier est un tableau enregistré au format CSV.',
  }),
  unknown_format: (c) => {
    const header = c.str('header');
    return {
      message: c.at_(
        c.atRow,
        `les colonnes ne correspondent à aucun format connu (long, large, Open SDG, export de la base de données des ODD de l’ONU)${header === undefined ? '' : `. En-tête\u00a0: ${header}`}.`,
      ),
      fix: 'Nommez les colonnes ville, indicateur, année et valeur (ou city, indicator, year, value), ou utilisez l’un des formats documentés.',
    };
  },
  no_data_rows: (c) => {
    const rows = c.num('rows');
    return rows === undefined || rows === 0
      ? {
          message: 'Le fichier a une ligne d’en-tête mais aucune ligne de données.',
          fix: 'Vérifiez que les données ont été enregistrées sous l’en-tête, puis chargez à nouveau le fichier.',
        }
      : {
          message: `Le fichier a ${c.n(rows)} ${rows < 2 ? 'ligne' : 'lignes'} de données mais aucune valeur\u00a0: toutes les cellules de valeur sont vides ou marquées comme manquantes.`,
          fix: 'Rien à importer pour l’instant. Saisissez les valeurs (ou vérifiez que la bonne colonne les contient), puis chargez à nouveau le fichier.',
        };
  },
  blank_header: (c) => {
    const pos = c.num('position');
    return {
      message: c.at_(c.atRow, `${pos === undefined ? 'une colonne' : `la colonne ${pos}`} n’a pas de nom dans l’en-tête.`),
      fix: 'Saisissez un nom dans la cellule d’en-tête, ou supprimez la colonne si elle est vide.',
    };
  },
  duplicate_header: (c) => {
    const pos = c.num('position');
    const name = c.issue.column === null ? '' : ` ${c.q(c.issue.column)}`;
    return {
      message: c.at_(c.atRow, `${pos === undefined ? 'une colonne' : `la colonne ${pos}`} porte le même nom${name} qu’une colonne précédente.`),
      fix: 'Renommez l’une des deux colonnes pour que chaque en-tête soit différent.',
    };
  },
  missing_column: (c) => {
    const role = c.str('role');
    const header = c.str('header');
    const names = role === undefined ? undefined : ROLE_FR[role];
    const roleName = role === undefined ? undefined : (names?.[0] ?? role);
    return {
      message: c.at_(
        c.atRow,
        `${roleName === undefined ? 'une colonne obligatoire (ville, indicateur, année ou valeur) est introuvable' : `aucune colonne ${c.q(roleName)} n’a été trouvée`}${header === undefined ? '' : ` (en-têtes\u00a0: ${header})`}.`,
      ),
      fix:
        role === undefined
          ? 'Ajoutez la colonne manquante, ou renommez la colonne qui la contient.'
          : `Ajoutez une colonne nommée ${ROLE_EXAMPLES_FR[role] ?? c.q(role)}, ou renommez la colonne qui contient ${names?.[1] ?? c.q(role)}.`,
    };
  },
  too_many_columns: (c) => {
    const limit = c.num('limit');
    return {
      message: c.at_(c.atRow, `l’en-tête a plus de ${limit === undefined ? 'un million de' : c.n(limit)} colonnes\u202f: le fichier n’a pas été lu (une feuille Excel en a au plus ${c.n(16384)}).`),
      fix: 'Vérifiez le séparateur dans les options de lecture (un mauvais séparateur peut couper chaque caractère), ou enregistrez de nouveau la feuille en CSV\u202f; découpez un tableau très large en plusieurs fichiers.',
    };
  },
  extra_column: (c) => ({
    message: c.at_(c.issue.column === null ? '' : `Colonne ${c.q(c.issue.column)}\u00a0: `, 'cette colonne n’est pas utilisée et a été ignorée.'),
    fix: 'Rien à faire si elle n’est pas utile. Pour l’importer, renommez-la avec un rôle connu (unité, série, source, note) ou gardez-la comme ventilation, par exemple le sexe ou l’âge.',
  }),
  missing_quotes: (c) => {
    const lines = c.num('lines');
    const swallowed =
      lines === undefined || lines < 1
        ? ''
        : lines === 1
          ? '\u202f; elle se prolonge sur la ligne suivante du fichier, qui n’a pas été importée'
          : `\u202f; elle se prolonge sur les ${c.n(lines)} lignes suivantes du fichier, qui n’ont pas été importées`;
    return {
      message: c.at_(c.at, `une cellule entre guillemets n’est pas fermée (il manque le " fermant)${swallowed}.`),
      fix: 'Ajoutez le guillemet fermant manquant, ou supprimez le " en trop au début de la cellule. Réenregistrer le fichier au format CSV dans Excel écrit correctement les guillemets.',
    };
  },
  invalid_quotes: (c) => ({
    message: c.at_(c.at, 'un guillemet (") est mal placé dans une cellule entre guillemets.'),
    fix: 'Dans une cellule entre guillemets, écrivez un guillemet en le doublant (""), ou supprimez-le.',
  }),
  ragged_row: (c) => {
    const expected = c.num('expected');
    const found = c.num('found');
    const rowName = c.issue.row === null ? 'Cette ligne' : `La ligne ${c.issue.row}`;
    const more = 'Cherchez un séparateur en trop dans la ligne, par exemple une virgule décimale dans un nombre sans guillemets (1,5)\u00a0: écrivez 1.5 ou mettez la cellule entre guillemets.';
    const fewer = 'Ajoutez les cellules manquantes (laissez-les vides si une valeur est inconnue) pour que la ligne compte autant de cellules que l’en-tête.';
    return {
      message:
        expected !== undefined && found !== undefined
          ? `${rowName} compte ${c.n(found)} ${found < 2 ? 'cellule' : 'cellules'}, alors que l’en-tête en compte ${c.n(expected)}.`
          : `${rowName} ne compte pas autant de cellules que l’en-tête.`,
      fix: expected !== undefined && found !== undefined ? (found > expected ? more : fewer) : `${more} ${fewer}`,
    };
  },
  blank_row: (c) => ({
    message: c.issue.row === null ? 'Une ligne vide a été ignorée.' : `La ligne ${c.issue.row} est vide et a été ignorée.`,
    fix: 'Rien à faire\u202f; vous pouvez supprimer la ligne vide.',
  }),
  cell_too_long: (c) => {
    const length = c.num('length');
    const limit = c.num('limit');
    const parts = [length === undefined ? undefined : `${c.n(length)} caractères`, limit === undefined ? undefined : `la limite est de ${c.n(limit)}`].filter(
      (s): s is string => s !== undefined,
    );
    return {
      message: c.at_(c.at, `la cellule est trop longue${parts.length ? ` (${parts.join('\u202f; ')})` : ''}.`),
      fix: 'Cela signifie en général qu’un guillemet a été ouvert au-dessus de cette ligne et jamais fermé, si bien que la cellule a absorbé les lignes suivantes. Vérifiez les guillemets dans les lignes précédentes.',
    };
  },
  not_a_number: (c) => {
    const d = c.str('decimal');
    const example = d === ',' ? '12,5' : '12.5';
    return {
      message: c.at_(c.at, `${c.value ?? 'la valeur'} n’est pas un nombre.`),
      fix: `Écrivez un nombre comme ${example}${d === undefined ? '' : ` (séparateur décimal\u00a0: ${d})`}, ou laissez la cellule vide si la valeur est manquante.`,
    };
  },
  ambiguous_decimal: (c) => {
    const parsed = rawNumber(c, 'parsed');
    const raw = c.issue.value;
    const readings =
      raw !== null && /^\d{1,3}[.,]\d{3}$/.test(raw.trim())
        ? ` peut signifier ${raw.trim().replace(/[.,]/, '')} ou ${raw.trim().replace(',', '.')}`
        : ' peut se lire de deux façons';
    return {
      message: c.at_(c.at, `${c.value ?? 'la valeur'}${readings}${parsed === undefined ? '' : `\u202f; lecture retenue\u00a0: ${parsed}`}.`),
      fix: 'Si ce n’est pas la bonne lecture, choisissez le séparateur décimal dans Options de lecture et relisez le fichier.',
    };
  },
  missing_value: (c) => ({
    message: c.at_(c.at, `la valeur est manquante${c.value === undefined || c.issue.value === '' ? '' : ` (${c.value})`}.`),
    fix: 'Rien à faire si la valeur est réellement inconnue\u202f; sinon, saisissez-la.',
  }),
  invalid_year: (c) => ({
    message: c.at_(c.at, c.str('reason') === 'blank' || c.issue.value === null || c.issue.value.trim() === '' ? 'l’année est vide.' : `${c.value ?? ''} n’est pas une année.`),
    fix: 'Écrivez une année à quatre chiffres comme 2020, ou une période comme 2017-18 ou 2010/11.',
  }),
  year_out_of_range: (c) => {
    const min = rawNumber(c, 'min');
    const max = rawNumber(c, 'max');
    return {
      message: c.at_(c.at, `${c.value ?? 'l’année'} est en dehors des années attendues${min !== undefined && max !== undefined ? ` (de ${min} à ${max})` : ''}.`),
      fix: 'Vérifiez qu’il ne s’agit pas d’une faute de frappe\u202f; une année hors de cette plage en est généralement une.',
    };
  },
  missing_city: (c) => ({
    message: c.at_(c.at, 'le nom de la ville est vide.'),
    fix: 'Saisissez le nom ou le code de la ville dans cette cellule.',
  }),
  missing_indicator: (c) => ({
    message: c.at_(c.at, 'le code de l’indicateur est vide.'),
    fix: 'Saisissez le code de l’indicateur, par exemple 11.6.2.',
  }),
  digits_normalized: (c) => {
    const count = c.num('count');
    const where = c.issue.row === null ? '' : ` (la première à la ligne ${c.issue.row})`;
    return {
      message:
        count === undefined
          ? `Des cellules écrites en chiffres arabes orientaux (١٢٣) ont été lues comme des nombres${where}.`
          : count < 2
            ? `${c.n(count)} cellule écrite en chiffres arabes orientaux (١٢٣) a été lue comme un nombre${where}.`
            : `${c.n(count)} cellules écrites en chiffres arabes orientaux (١٢٣) ont été lues comme des nombres${where}.`,
      fix: 'Rien à faire.',
    };
  },
  formula_like_text: (c) => ({
    message: c.at_(c.at, `${c.value ?? 'la cellule'} ressemble à une formule de tableur\u202f; le contenu est conservé en texte brut.`),
    fix: 'Vérifiez que la cellule contient bien ce que vous vouliez. Marsad ne l’exécute jamais, et ses exports CSV ajoutent une apostrophe pour que les tableurs ne l’exécutent pas non plus.',
  }),
  markup_like_text: (c) => ({
    message: c.at_(c.at, `${c.value ?? 'la cellule'} ressemble à du HTML\u202f; le contenu est conservé en texte brut et n’est jamais affiché comme balisage.`),
    fix: 'Supprimez les balises si elles ne font pas partie du texte.',
  }),
  unknown_indicator: (c) => {
    const code = c.str('indicator');
    if (c.issue.severity === 'error')
      return {
        message: c.at_(c.at, `${c.value ?? (code === undefined ? 'la cellule' : c.q(code))} n’est pas un code d’indicateur.`),
        fix: 'Écrivez un code d’indicateur ODD comme 11.6.2, ou un code local comme AMM-1 (lettres majuscules, un trait d’union et un nombre).',
      };
    return {
      message: c.at_(
        c.at,
        `${code !== undefined ? `l’indicateur ${code}` : c.value !== undefined ? `l’indicateur ${c.value}` : 'l’indicateur'} ne figure pas dans le registre\u202f; ses valeurs ont été importées comme indicateur local, sans titre ni cible.`,
      ),
      fix: 'Vérifiez que le code ne contient pas de faute de frappe. Pour donner un titre, une unité et une cible à un indicateur local, ajoutez-lui un fichier JSON dans indicators/.',
    };
  },
  indicator_alias: (c) => {
    const code = c.str('indicator');
    const canonical = c.str('canonical');
    const subject = code !== undefined ? `l’indicateur ${code}` : 'ce code d’indicateur';
    return {
      message: c.at_(
        c.at,
        canonical === undefined
          ? `${subject} est un autre code d’un indicateur du registre\u202f; les valeurs ont été rattachées à cet indicateur.`
          : `${subject} est un autre code de ${canonical}\u202f; les valeurs ont été rattachées à ${canonical}.`,
      ),
      fix: 'Rien à faire.',
    };
  },
  indicator_sub_code: (c) => {
    const code = c.str('indicator');
    const parent = c.str('canonical');
    return {
      message: c.at_(
        c.at,
        `${code !== undefined ? `l’indicateur ${code}` : 'ce code d’indicateur'} est un sous-indicateur national ou local ${parent === undefined ? 'd’un indicateur du registre' : `de ${parent}`}\u00a0: il est lu comme un indicateur à part entière, rattaché à la cible ${parent === undefined ? 'de cet indicateur' : `de ${parent}`}, sans être fusionné dans ses chiffres ni jugé selon sa définition.`,
      ),
      fix: 'Rien à faire. Pour lui donner un titre, une unité, un sens et une cible, ajoutez-lui un fichier JSON dans indicators/.',
    };
  },
  value_out_of_range: (c) => {
    const code = c.str('indicator');
    const range = rangeText(c, 'fr');
    const unit = c.str('unit');
    const detail = range === undefined ? '' : ` (${range}${unit === undefined ? '' : `\u00a0${unit}`})`;
    return {
      message: c.at_(c.at, `${c.value ?? 'la valeur'} est en dehors de la plage valide${code === undefined ? '' : ` de l’indicateur ${code}`}${detail}.`),
      fix: `Vérifiez que la valeur ne contient pas de faute de frappe et qu’elle est exprimée dans l’unité de l’indicateur${unit === undefined ? '' : ` (${unit})`}.`,
    };
  },
  value_near_range: (c) => {
    const code = c.str('indicator');
    const count = c.num('count');
    const low = rawNumber(c, 'low');
    const high = rawNumber(c, 'high');
    const range = rangeText(c, 'fr');
    const unit = c.str('unit');
    return {
      message: `${c.at}${count === undefined ? 'Des valeurs' : `${c.n(count)} valeur${count === 1 ? '' : 's'}`}${code === undefined ? '' : ` de l’indicateur ${code}`}${low === undefined || high === undefined ? '' : ` (${low} à ${high})`} sont juste en dehors de la plage valide${range === undefined ? '' : ` (${range}${unit === undefined ? '' : ` ${unit}`})`}\u00a0: elles sont gardées telles que le fichier les donne (arrondi dans la source, ou taux brut au-delà de 100\u00a0%).`,
      fix: 'Rien à faire si la source les publie ainsi\u00a0; sinon, corrigez-les dans le fichier.',
    };
  },
  unit_mismatch: (c) => {
    const found = c.str('found') ?? c.issue.value ?? undefined;
    const code = c.str('indicator');
    const expected = c.str('expectedUnit');
    return {
      message: c.at_(
        c.at,
        `l’unité ${found === undefined ? '' : `${c.q(found)} `}n’est pas celle de ${code === undefined ? 'l’indicateur' : `l’indicateur ${code}`}${expected === undefined ? '' : ` (${expected})`}\u00a0: ces valeurs sont gardées comme une série à part avec leur propre unité, et la progression vers la cible de l’indicateur n’est pas calculée à partir d’elles.`,
      ),
      fix: `Rien à faire si le fichier mesure autre chose sous ce code. Si les valeurs sont bien exprimées ${expected === undefined ? 'dans l’unité de l’indicateur' : `en ${expected}`}, corrigez la cellule d’unité.`,
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
      message: `${count === undefined || total === undefined ? 'La plupart des valeurs' : `${c.n(count)} valeurs sur ${c.n(total)}`}${code === undefined ? '' : ` de l’indicateur ${code}`}${low === undefined || high === undefined ? '' : ` (de ${low} à ${high})`} ne peuvent pas être exprimées ${unit === undefined ? 'dans l’unité de l’indicateur' : `en ${unit}`} et le fichier n’indique aucune unité\u00a0: elles sont gardées comme une série à part, «\u00a0unité non indiquée\u00a0», et la progression vers la cible de l’indicateur n’est pas calculée à partir d’elles.`,
      fix: `Ajoutez une colonne d’unités qui dit ce que mesurent les valeurs (tonnes, un nombre…). Si elles doivent être exprimées ${unit === undefined ? 'dans l’unité de l’indicateur' : `en ${unit}`}, corrigez-les.`,
    };
  },
  duplicate_observation: (c) => {
    const twinColumn = c.num('firstColumn');
    if (twinColumn !== undefined) {
      const y = yearsOf(c);
      return {
        message: c.at_(c.at, `${c.value ?? 'la même valeur'}${y === undefined ? '' : ` pour ${y}`} figure déjà dans la colonne ${twinColumn} de cette ligne (l’année a deux colonnes)\u202f; ce doublon a été écarté.`),
        fix: 'Supprimez la colonne d’année répétée.',
      };
    }
    const first = c.num('firstRow');
    const year = yearsOf(c);
    return {
      message: c.at_(
        c.at,
        `${c.value ?? 'la même valeur'}${year === undefined ? '' : ` pour ${year}`} figure déjà${first === undefined ? ' dans une ligne précédente' : ` à la ligne ${first}`}\u202f; ce doublon a été écarté.`,
      ),
      fix: 'Rien à faire, ou supprimez la ligne répétée.',
    };
  },
  conflicting_duplicate: (c) => {
    const twinColumn = c.num('firstColumn');
    if (twinColumn !== undefined) {
      const y = yearsOf(c);
      const prev = rawNumber(c, 'previousValue');
      return {
        message: c.at_(c.at, `${c.value ?? 'cette valeur'}${y === undefined ? '' : ` pour ${y}`} diffère de la valeur de la colonne ${twinColumn} de cette ligne${prev === undefined ? '' : ` (${prev})`}\u202f: l’année a deux colonnes\u202f; aucune des deux valeurs n’a été importée.`),
        fix: 'Gardez une colonne par année\u202f: supprimez la colonne répétée ou corrigez la valeur erronée.',
      };
    }
    const first = c.num('firstRow');
    const year = yearsOf(c);
    const previous = rawNumber(c, 'previousValue');
    return {
      message: c.at_(
        c.at,
        `${c.value ?? 'cette valeur'}${year === undefined ? '' : ` pour ${year}`} diffère de la valeur indiquée${first === undefined ? ' dans une ligne précédente' : ` à la ligne ${first}`}${previous === undefined ? '' : ` (${previous})`}\u202f; aucune des deux lignes n’a été importée.`,
      ),
      fix: 'Ne gardez qu’une des deux lignes, ou distinguez-les par une colonne de ventilation comme le sexe ou la série.',
    };
  },
  city_assumed: (c) => {
    const city = c.str('city');
    return {
      message: `Le fichier n’a pas de colonne de ville\u202f; toutes les valeurs ont été attribuées à ${city === undefined ? 'une seule ville' : c.q(city)}.`,
      fix: 'Rien à faire si c’est correct\u202f; sinon, ajoutez une colonne de ville.',
    };
  },
  aggregate_row: (c) => {
    const name = c.str('name');
    return {
      message: c.at_(c.atRow, `cette ligne est un agrégat régional ou mondial${name === undefined ? '' : ` (${c.q(name)})`}, pas une ville\u202f; elle a été ignorée.`),
      fix: 'Rien à faire. Marsad compare des villes\u202f; les chiffres régionaux peuvent être ajoutés comme indicateur local si nécessaire.',
    };
  },
  indicator_from_filename: (c) => {
    const code = c.str('indicator');
    return {
      message: `Le fichier n’a pas de colonne d’indicateur\u202f; l’indicateur${code === undefined ? '' : ` ${code}`} a été déduit du nom du fichier.`,
      fix: 'Rien à faire si c’est correct\u202f; sinon, renommez le fichier ou ajoutez une colonne d’indicateur.',
    };
  },
  truncated_issues: (c) => {
    const count = c.num('count');
    const shown = c.num('shown');
    return {
      message: `${shown === undefined ? 'Seule une partie des problèmes est listée' : `Seuls les ${c.n(shown)} premiers problèmes sont listés`}${count === undefined ? '' : `\u202f; ${c.n(count)} ${count < 2 ? 'autre a été omis' : 'autres ont été omis'}`}. Les décomptes par type sont complets.`,
      fix: 'Corrigez les problèmes listés, puis chargez à nouveau le fichier pour voir les suivants.',
    };
  },
};
