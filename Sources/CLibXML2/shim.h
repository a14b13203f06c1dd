#ifndef SCORECARD_CLIBXML2_SHIM_H
#define SCORECARD_CLIBXML2_SHIM_H
// Debian builds libxml2 with ICU; its encoding.h would then pull the system ICU headers, which clash
// with Foundation's bundled ICU module. Nothing here uses the ICU-only fields, so switch them off
// before any other libxml2 header is read.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#endif
