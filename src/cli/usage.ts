/** The usage text every command prints for --help and after a usage error. */
export const USAGE = `Marsad (مرصد) — SDG 11 / New Urban Agenda indicator data tools

Usage:
  npm run cli -- validate <file|folder>… [--json] [options]
  npm run cli -- normalize <file|folder>… --out <file.csv> [options]
  npm run cli -- progress <file|folder>… [--method opensdg|unsd|sdsn] [--json|--csv] [options]
  npm run cli -- progress --opensdg <repository folder> [--json]
  npm run cli -- annex <file|folder>… --city <name|code> [--lang en|ar|fr|es] [--out annex.csv|annex.xlsx] [options]
  npm run cli -- figures <file|folder>… --city <name|code> --out <folder> [--lang en|ar|fr|es] [--format svg|png] [options]
  npm run cli -- publish <file|folder>… --out <data folder> [--name … --source … --licence … --city …]
  npm run cli -- help

Commands:
  validate    Read each file as the app does and report every problem (row, column, value, why, how to fix).
  normalize   Write the accepted observations of all files as one canonical long CSV (UTF-8 with BOM).
  progress    Progress status and score of every city × indicator (and series): opensdg (default, as
              Open SDG computes it), unsd (UN progress chart) or sdsn (SDSN dashboards). --opensdg reads
              an Open SDG data repository and gives exactly Open SDG's results.
  annex       The statistical annex of one city: per indicator baseline, latest value, target, status,
              trend, score and source, in the chosen language; CSV on stdout, or --out as CSV or .xlsx.
  publish     Validate, then write what a site publishes: the observations as one canonical CSV,
              data/manifest.json (name, source, licence, city, date, version) and a README; an earlier
              publication there is kept whole in archive/<date>/. Any error: nothing is written.
  figures     Every figure of a city's report (status by NUA priority, a trend chart per indicator, the gaps
              between groups of each breakdown) as
              SVG (text kept as text) or PNG (white background), each with the CSV of the data it draws
              (UTF-8 with BOM; re-imports into Marsad), plus annex.csv, written to --out.

Folders are searched recursively for *.csv, *.tsv and *.txt files. progress, annex and figures also take
a workspace backup (marsad-workspace-….json, Data → Export workspace): the datasets the app used, with its
place merges, names and headline series.

Options:
  --json                    validate: print one JSON document on stdout instead of the report;
                            progress: print one JSON array of records
  --out <file.csv>          normalize: where to write (required)
  --encoding <e>            auto (default) | utf-8 | utf-16le | utf-16be | windows-1256 | windows-1252
  --decimal <d>             auto (default) | . | ,
  --delimiter <d>           auto (default) | , | ; | tab | pipe
  --layout <l>              auto (default) | long | wide | opensdg | unsd | unhabitat
  --map <role=Header,…>     set column roles; roles: city, city_code, indicator, year, value, unit,
                            series, source, note, disaggregation (repeatable), ignore (repeatable)
  --city <name>             city of files that have no city column; annex: the city (name or code) to report
  --indicator <code>        indicator of files that have neither an indicator column nor a code in the name
  --indicators <folder>     add local indicator definitions (*.json) to the registry (repeatable)
  --limit <n>               validate: problems listed per severity and file in the report (default 20)
  --method <m>              progress, annex: opensdg (default) | unsd | sdsn
  --csv                     progress: print CSV on stdout instead of the table (--json: one JSON array)
  --opensdg <folder>        progress: an Open SDG data repository (data/, indicator-config/)
  --series <[code=]name>    progress: the Series of the headline when there are several (PM2.5, or
                            11.6.2=PM2.5 for one indicator; repeatable)
  --lang <l>                annex: language of headings, titles and statuses: en (default) | ar | fr | es
  --out <annex.csv|.xlsx>   annex: write CSV (UTF-8 with BOM) or an Excel workbook (by the extension)
                            instead of CSV on stdout
  --names <cities.json>     annex: display names of cities by code ({"CODE": {"en": …, "ar": …}})
  --out <folder>            figures: the folder to write to (created; required)
  --format <f>              figures: svg (default) | png
  --scale <n>               figures --format png: 2 (default) | 3 — pixels per figure pixel (800 px → 1600 px)
  --partner <name|code>     figures: partner edition, the partner city drawn beside the city in every figure
  --date <YYYY-MM-DD>       figures: the date in the footers (default today; also MARSAD_NOW), for reproducible output
  --name, --source, --licence, --id, --date
                            publish: the dataset's name, source organisation, licence, id (file name) and
                            publication date (YYYY-MM-DD; default today) in manifest.json
  --boundaries <file>       figures: GeoJSON/TopoJSON of the city's districts (longitude/latitude); adds the map of
                            every indicator with district data (<city>_<code>_map_<lang>.svg|png)
  --report-config <file>    figures: the report's cover as JSON or YAML (title, subtitle, organisation, logo: an image
                            file, foreword, date, period; partner: the same); writes <city>_cover_<lang>.svg|png
                            (--lang, --method and --names work for figures as for annex)

Exit codes: 0 no errors · 1 errors in the data (or an unreadable file, or a registry problem) · 2 usage error

Examples:
  npm run cli -- validate data/amman.csv
  npm run -s cli -- validate ../shared/corpus/canada/data --json > report.json   (-s: no npm banner)
  npm run cli -- validate survey.csv --decimal , --map "city=Municipality,value=Rate (%)"
  npm run cli -- normalize indicator_11-6-2.csv --city Amman --out amman-11-6-2.csv
  npm run -s cli -- progress public/demo/marsad-demo.csv --method unsd --json > progress.json
  npm run cli -- annex public/demo/marsad-demo.csv --city XD-WNR --lang ar --names public/demo/cities.json --out annex.xlsx
  npm run cli -- figures public/demo/marsad-demo.csv --city XD-WNR --lang ar --names public/demo/cities.json --format png --out figures/
`;
