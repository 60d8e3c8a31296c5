/*
 * core/log.c: the kernel log (fw/log.h), the formatter behind it, panics
 * (fw/panic.h) and power-off (fw/power.h).
 *
 * The formatter is the framework's own, so it works the same on bare metal:
 * conversions d i u x X o s p c and %, flags '-' '0' '+' ' ' '#', a width
 * and a precision (digits or '*'), and the length modifiers hh h l ll z t j.
 * Log lines are formatted on the stack (cut at LOG_LINE bytes) and written
 * to the backend's sink whole.
 *
 * Locks: none; log_level is an atomic set once at boot.
 */
#include <fw/log.h>
#include <fw/boot.h>
#include <fw/panic.h>
#include <fw/power.h>
#include <hal/platform.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <string.h>

#include "core/core_impl.h"

#define LOG_LINE	512

static atomic_int log_level = -1;	/* [a] -1: not read from boot yet */

struct out {
	char	*buf;
	size_t	 size;
	size_t	 len;		/* what the whole output would take */
};

struct spec {
	bool	 left, zero, plus, space, alt;
	int	 width;
	int	 prec;		/* -1: none */
};

static void
out_c(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void
out_pad(struct out *o, char c, int n)
{
	while (n-- > 0)
		out_c(o, c);
}

static void
fmt_str(struct out *o, const struct spec *sp, const char *s)
{
	size_t n, i;

	if (s == NULL)
		s = "(null)";
	n = sp->prec >= 0 ? strnlen(s, (size_t)sp->prec) : strlen(s);
	if (!sp->left)
		out_pad(o, ' ', sp->width - (int)n);
	for (i = 0; i < n; i++)
		out_c(o, s[i]);
	if (sp->left)
		out_pad(o, ' ', sp->width - (int)n);
}

/*
 * Formats v in base with an optional sign character and prefix ("0x"), as
 * C11 §7.21.6.1 says: the precision is a minimum digit count, and '0' pads
 * between the prefix and the digits unless a precision was given.
 */
static void
fmt_num(struct out *o, const struct spec *sp, uint64_t v, unsigned int base,
    bool upper, char sign, const char *prefix)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int n = 0, zeros, len, plen;

	while (v != 0) {
		/* cppcheck-suppress zerodivcond ; base is 8, 10 or 16, never 0 */
		tmp[n++] = digits[v % base];
		v /= base;
	}
	if (n == 0 && sp->prec != 0)
		tmp[n++] = '0';
	zeros = sp->prec > n ? sp->prec - n : 0;
	plen = (int)strlen(prefix);
	len = n + zeros + plen + (sign != 0);
	if (sp->zero && !sp->left && sp->prec < 0 && sp->width > len) {
		zeros += sp->width - len;
		len = sp->width;
	}
	if (!sp->left)
		out_pad(o, ' ', sp->width - len);
	if (sign != 0)
		out_c(o, sign);
	while (*prefix != '\0')
		out_c(o, *prefix++);
	out_pad(o, '0', zeros);
	while (n > 0)
		out_c(o, tmp[--n]);
	if (sp->left)
		out_pad(o, ' ', sp->width - len);
}

/* Reads a length modifier; returns how many bytes of fmt it took. */
static int
fmt_length(const char *fmt, int *lng)
{
	switch (fmt[0]) {
	case 'h':
		*lng = fmt[1] == 'h' ? -2 : -1;
		return fmt[1] == 'h' ? 2 : 1;
	case 'l':
		*lng = fmt[1] == 'l' ? 2 : 1;
		return fmt[1] == 'l' ? 2 : 1;
	case 'z': case 't': case 'j':
		*lng = 1;	/* size_t, ptrdiff_t, intmax_t: 64 bits */
		return 1;
	}
	*lng = 0;
	return 0;
}

static int64_t
arg_signed(va_list *ap, int lng)
{
	switch (lng) {
	case -2:
		return (signed char)va_arg(*ap, int);
	case -1:
		return (short)va_arg(*ap, int);
	case 0:
		return va_arg(*ap, int);
	case 1:
		return va_arg(*ap, long);
	}
	return va_arg(*ap, long long);
}

static uint64_t
arg_unsigned(va_list *ap, int lng)
{
	switch (lng) {
	case -2:
		return (unsigned char)va_arg(*ap, unsigned int);
	case -1:
		return (unsigned short)va_arg(*ap, unsigned int);
	case 0:
		return va_arg(*ap, unsigned int);
	case 1:
		return va_arg(*ap, unsigned long);
	}
	return va_arg(*ap, unsigned long long);
}

/* Reads flags, width and precision; returns where the length starts. */
static const char *
fmt_spec(const char *fmt, struct spec *sp, va_list *ap)
{
	memset(sp, 0, sizeof(*sp));
	sp->prec = -1;
	for (;; fmt++) {
		if (*fmt == '-')
			sp->left = true;
		else if (*fmt == '0')
			sp->zero = true;
		else if (*fmt == '+')
			sp->plus = true;
		else if (*fmt == ' ')
			sp->space = true;
		else if (*fmt == '#')
			sp->alt = true;
		else
			break;
	}
	if (*fmt == '*') {
		sp->width = va_arg(*ap, int);
		if (sp->width < 0) {
			sp->left = true;
			sp->width = -sp->width;
		}
		fmt++;
	} else {
		while (*fmt >= '0' && *fmt <= '9')
			sp->width = sp->width * 10 + (*fmt++ - '0');
	}
	if (*fmt == '.') {
		fmt++;
		sp->prec = 0;
		if (*fmt == '*') {
			sp->prec = va_arg(*ap, int);
			if (sp->prec < 0)
				sp->prec = -1;
			fmt++;
		} else {
			while (*fmt >= '0' && *fmt <= '9')
				sp->prec = sp->prec * 10 + (*fmt++ - '0');
		}
	}
	return fmt;
}

/* Formats one conversion c; returns false for an unknown one. */
static bool
fmt_conv(struct out *o, struct spec *sp, char c, int lng, va_list *ap)
{
	int64_t s;
	uint64_t u;

	switch (c) {
	case 'd': case 'i':
		s = arg_signed(ap, lng);
		u = s < 0 ? -(uint64_t)s : (uint64_t)s;
		fmt_num(o, sp, u, 10, false, (char)(s < 0 ? '-' :
		    sp->plus ? '+' : sp->space ? ' ' : 0), "");
		return true;
	case 'u':
		fmt_num(o, sp, arg_unsigned(ap, lng), 10, false, 0, "");
		return true;
	case 'x': case 'X':
		u = arg_unsigned(ap, lng);
		fmt_num(o, sp, u, 16, c == 'X', 0, sp->alt && u != 0 ?
		    (c == 'X' ? "0X" : "0x") : "");
		return true;
	case 'o':
		u = arg_unsigned(ap, lng);
		fmt_num(o, sp, u, 8, false, 0, sp->alt && u != 0 ? "0" : "");
		return true;
	case 'p':
		u = (uint64_t)(uintptr_t)va_arg(*ap, void *);
		fmt_num(o, sp, u, 16, false, 0, "0x");
		return true;
	case 's':
		fmt_str(o, sp, va_arg(*ap, const char *));
		return true;
	case 'c':
		sp->prec = -1;
		if (!sp->left)
			out_pad(o, ' ', sp->width - 1);
		out_c(o, (char)va_arg(*ap, int));
		if (sp->left)
			out_pad(o, ' ', sp->width - 1);
		return true;
	case '%':
		out_c(o, '%');
		return true;
	}
	return false;
}

int
fw_vsnprintf(char *buf, size_t n, const char *fmt, va_list ap)
{
	struct out o = { buf, n, 0 };
	struct spec sp;
	const char *start;
	va_list aq;
	int lng;

	va_copy(aq, ap);
	while (*fmt != '\0') {
		if (*fmt != '%') {
			out_c(&o, *fmt++);
			continue;
		}
		start = fmt++;
		fmt = fmt_spec(fmt, &sp, &aq);
		fmt += fmt_length(fmt, &lng);
		if (*fmt == '\0' || !fmt_conv(&o, &sp, *fmt, lng, &aq)) {
			/* An unknown conversion is copied as it stands. */
			while (start < fmt)
				out_c(&o, *start++);
			if (*fmt == '\0')
				break;
			out_c(&o, *fmt);
		}
		fmt++;
	}
	va_end(aq);
	if (n > 0)
		buf[o.len < n ? o.len : n - 1] = '\0';
	return (int)o.len;
}

int
fw_snprintf(char *buf, size_t n, const char *fmt, ...)
{
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = fw_vsnprintf(buf, n, fmt, ap);
	va_end(ap);
	return len;
}

static const char *const level_names[] = {
	[FW_LOG_DEBUG] = "debug",
	[FW_LOG_INFO] = "info",
	[FW_LOG_WARN] = "warn",
	[FW_LOG_ERROR] = "error",
};

/* Reads log= from the boot options: debug, info, warn (default), error. */
void
fw_log_init(void)
{
	const char *v = fw_boot_option("log");
	int lvl = FW_LOG_WARN, i;

	for (i = FW_LOG_DEBUG; v != NULL && i <= FW_LOG_ERROR; i++)
		if (strcmp(v, level_names[i]) == 0)
			lvl = i;
	atomic_store(&log_level, lvl);
}

bool
fw_log_enabled(enum fw_log_level lvl)
{
	if (atomic_load(&log_level) < 0)
		fw_log_init();
	return (int)lvl >= atomic_load(&log_level);
}

void
fw_log(enum fw_log_level lvl, const char *fmt, ...)
{
	char line[LOG_LINE];
	va_list ap;
	int n;

	if (!fw_log_enabled(lvl))
		return;
	n = fw_snprintf(line, sizeof(line), "trellis: %s: ",
	    level_names[lvl <= FW_LOG_ERROR ? lvl : FW_LOG_ERROR]);
	va_start(ap, fmt);
	fw_vsnprintf(line + n, sizeof(line) - (size_t)n, fmt, ap);
	va_end(ap);
	hal_log_write(line, strlen(line));
}

void
fw_trace(const char *fmt, ...)
{
	char line[LOG_LINE];
	va_list ap;

	va_start(ap, fmt);
	fw_vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	hal_trace_write(line, strlen(line));
}

void
fw_panic_at(const char *file, int line, const char *fmt, ...)
{
	char msg[LOG_LINE];
	va_list ap;
	int n;

	n = fw_snprintf(msg, sizeof(msg), "trellis: panic: %s:%d: ", file,
	    line);
	if ((size_t)n >= sizeof(msg))
		n = sizeof(msg) - 1;
	va_start(ap, fmt);
	fw_vsnprintf(msg + n, sizeof(msg) - (size_t)n, fmt, ap);
	va_end(ap);
	hal_log_write(msg, strlen(msg));
	hal_power_off(125);
}

void
fw_power_off(int status)
{
	hal_power_off(status);
}
