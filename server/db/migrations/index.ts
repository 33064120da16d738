// The migrations in order. A new migration is a new frozen file, registered here.
import type { Migration } from 'kysely';
import * as m001 from './001_core.js';
import * as m002 from './002_reuse.js';
import * as m003 from './003_themes.js';
import * as m004 from './004_search.js';
import * as m005 from './005_auth.js';
import * as m006 from './006_originals.js';
import * as m007 from './007_versions.js';
import * as m008 from './008_report_texts.js';
import * as m009 from './009_substring_index.js';
import * as m010 from './010_report_summaries.js';
import * as m011 from './011_view_indexes.js';
import * as m012 from './012_unit_summaries.js';
import * as m013 from './013_settings.js';
import * as m014 from './014_unit_registry.js';
import * as m015 from './015_reuse_direction_templates.js';
import * as m016 from './016_theme_corrections.js';
import * as m017 from './017_usernames_nocase.js';
import * as m018 from './018_ocr.js';
import * as m020 from './020_postgres_search.js';
import * as m021 from './021_sample_units.js';
import * as m022 from './022_fts_batch_merge.js';
import * as m023 from './023_reuse_posting_rows.js';
import * as m024 from './024_search_paragraphs.js';
import * as m025 from './025_reuse_span_kinds.js';
import * as m026 from './026_reuse_postings_unchecked.js';

export const migrations: Record<string, Migration> = {
  '001_core': m001,
  '002_reuse': m002,
  '003_themes': m003,
  '004_search': m004,
  '005_auth': m005,
  '006_originals': m006,
  '007_versions': m007,
  '008_report_texts': m008,
  '009_substring_index': m009,
  '010_report_summaries': m010,
  '011_view_indexes': m011,
  '012_unit_summaries': m012,
  '013_settings': m013,
  '014_unit_registry': m014,
  '015_reuse_direction_templates': m015,
  '016_theme_corrections': m016,
  '017_usernames_nocase': m017,
  '018_ocr': m018,
  '020_postgres_search': m020,
  '021_sample_units': m021,
  '022_fts_batch_merge': m022,
  '023_reuse_posting_rows': m023,
  '024_search_paragraphs': m024,
  '025_reuse_span_kinds': m025,
  '026_reuse_postings_unchecked': m026,
};
