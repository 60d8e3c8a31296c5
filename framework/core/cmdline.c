/*
 * core/cmdline.c: a boot loader's command line made into boot options and
 * the first program's arguments (core/boot_impl.h).  Used by the bare-metal
 * backends, whose loaders hand over one string; the simulator has argv.
 */
#include <fw/errno.h>

#include "core/boot_impl.h"

static bool
blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/*
 * Cuts the next word out of *p (quotes removed, NUL-terminated in place)
 * and returns it, or NULL at the end of the line.
 */
static char *
next_word(char **p)
{
	char *r = *p, *w, *word;
	bool quoted = false;

	while (blank(*r))
		r++;
	if (*r == '\0')
		return NULL;
	word = w = r;
	for (; *r != '\0' && (quoted || !blank(*r)); r++) {
		if (*r == '"')
			quoted = !quoted;
		else
			*w++ = *r;
	}
	if (*r != '\0')
		r++;
	*w = '\0';
	*p = r;
	return word;
}

int
fw_boot_cmdline_split(char *line, struct fw_boot_option *opts,
    size_t maxopts, size_t *nopts, const char **args, size_t maxargs,
    size_t *nargs)
{
	bool in_args = false;
	int err = 0;
	char *word, *v;

	*nopts = *nargs = 0;
	while ((word = next_word(&line)) != NULL) {
		if (!in_args && word[0] == '-' && word[1] == '-' &&
		    word[2] == '\0') {
			in_args = true;
		} else if (in_args) {
			if (*nargs < maxargs)
				args[(*nargs)++] = word;
			else
				err = -E2BIG;
		} else if (*nopts < maxopts) {
			for (v = word; *v != '\0' && *v != '='; v++)
				;
			if (*v == '=')
				*v++ = '\0';
			opts[(*nopts)++] = (struct fw_boot_option){ word, v };
		} else {
			err = -E2BIG;
		}
	}
	return err;
}
