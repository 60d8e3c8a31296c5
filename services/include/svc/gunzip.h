/*
 * svc/gunzip.h: gzip decompression (RFC 1952 members of RFC 1951 DEFLATE
 * data), for compressed initramfs images.  The input comes through a
 * read callback, so it may live anywhere (the boot image, a buffer); the
 * output is one heap block that grows as it fills.  Every length, code
 * and distance is checked: a damaged or hostile stream is -EINVAL, one
 * whose output would pass cap is -EFBIG, never a read or write out of
 * bounds.  Concatenated members (with zero padding between them, as the
 * kernel accepts for initramfs) decompress one after the other.
 *
 * No locks; no state between calls.
 */
#ifndef SVC_GUNZIP_H
#define SVC_GUNZIP_H

#include <fw/types.h>

/* Where the compressed bytes are: read(ctx, off, buf, len) is 0 or < 0. */
struct gz_src {
	int	(*read)(void *ctx, size_t off, void *buf, size_t len);
	void	*ctx;
	size_t	 size;
};

/* Whether the input starts with gzip's magic (1f 8b). */
bool			 gz_is_gzip(const struct gz_src *src);

/*
 * Decompresses every member of src: 0 with *out (fw_alloc'd, the
 * caller's to fw_free) holding *outlen bytes; -EINVAL for bad data (a
 * header, a code, a distance, a CRC-32 or a size that does not hold),
 * -EFBIG past cap bytes of output, -ENOMEM.
 */
FW_MUST_CHECK int	 gunzip(const struct gz_src *src, size_t cap,
			    uint8_t **out, size_t *outlen);

#endif
