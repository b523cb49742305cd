/*
 * mailbox.h - the county head's mailbox (县长信箱): the module's registry entry.
 *
 * Anyone writes a letter on the portal and gets a tracking code; the legal
 * office (or the government office) assigns it to an agency; the agency
 * drafts a reply within the reply period (a local rule: setting
 * mailbox.reply_days, default 15 working days) or sends it back; the reply is
 * reviewed and sent; with the writer's consent it is published.
 */
#ifndef FZ_MODULES_MAILBOX_H
#define FZ_MODULES_MAILBOX_H

#include "modules/registry.h"

extern const struct fz_module fz_mailbox_module;

#endif
