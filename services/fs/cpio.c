/*
 * services/fs/cpio.c: unpacks the boot initramfs, a newc cpio archive
 * (Documentation/driver-api/early-userspace/buffer-format.rst), into the
 * ramfs.  Each entry is a 110-byte header of "070701" and thirteen 8-digit
 * hex fields, the NUL-terminated name padded to 4 bytes, then the data
 * padded to 4 bytes; "TRAILER!!!" ends an archive, and archives may be
 * concatenated with zero padding between them.  Every field is checked
 * against the image: anything truncated or malformed is -EINVAL, never a
 * crash, so a bad image becomes a clear boot error.  Directories, regular
 * files (and hard links among them), symlinks and device nodes keep their
 * mode, uid, gid and mtime; missing parents are made 0755.  A gzip image
 * (svc/gunzip.h) is decompressed into the heap first, its output bounded
 * by the machine's memory, and its files' data copied into the ramfs; a
 * plain image's files keep their data in the image, each page copied out
 * when first written or mapped (ramfs_adopt_image()).
 *
 * Interface: cpio_unpack() (fs.h).  Locks: takes fs_lock for the whole run.
 */
#include <fw/alloc.h>
#include <fw/boot.h>
#include <fw/frame.h>
#include <svc/gunzip.h>
#include <svc/lib.h>
#include "fs.h"

#define CPIO_HDR_LEN	110
#define CPIO_NFIELDS	13
#define CPIO_CHUNK	4096

enum { F_INO, F_MODE, F_UID, F_GID, F_NLINK, F_MTIME, F_FILESIZE,
	F_DEVMAJOR, F_DEVMINOR, F_RDEVMAJOR, F_RDEVMINOR, F_NAMESIZE, F_CHECK };

struct cpio {
	uint8_t		*image;		/* decompressed, or NULL: the boot
					   image itself */
	size_t		 size;		/* of the image */
	size_t		 off;		/* of the current header */
	uint32_t	 f[CPIO_NFIELDS];
	size_t		 data;		/* offset of the entry's data */
	char		*name;		/* LINUX_PATH_MAX bytes */
	uint8_t		*buf;		/* CPIO_CHUNK bytes */
	struct {
		uint32_t	 ino;
		struct vnode	*v;	/* counted */
	}		*links;
	size_t		 nlinks;
};

/* len bytes of the image at off: 0, or -EINVAL past its end. */
static int
cpio_read(const struct cpio *c, size_t off, void *buf, size_t len)
{
	if (c->image == NULL)
		return fw_boot_initrd_read(off, buf, len);
	if (off > c->size || len > c->size - off)
		return -EINVAL;
	memcpy(buf, &c->image[off], len);
	return 0;
}

static size_t
align4(size_t v)
{
	return (v + 3) & ~(size_t)3;
}

/* Reads and checks the header at c->off into c->f. */
static int
cpio_header(struct cpio *c)
{
	char h[CPIO_HDR_LEN];
	unsigned int i, j;
	int d;

	if (c->size - c->off < CPIO_HDR_LEN ||
	    cpio_read(c, c->off, h, CPIO_HDR_LEN) < 0)
		return -EINVAL;
	if (memcmp(h, "070701", 6) != 0 && memcmp(h, "070702", 6) != 0)
		return -EINVAL;
	for (i = 0; i < CPIO_NFIELDS; i++) {
		uint32_t v = 0;

		for (j = 0; j < 8; j++) {
			char ch = h[6 + i * 8 + j];

			if (ch >= '0' && ch <= '9')
				d = ch - '0';
			else if (ch >= 'a' && ch <= 'f')
				d = ch - 'a' + 10;
			else if (ch >= 'A' && ch <= 'F')
				d = ch - 'A' + 10;
			else
				return -EINVAL;
			v = (v << 4) | (uint32_t)d;
		}
		c->f[i] = v;
	}
	return 0;
}

/* Reads the name and bounds the data; c->name ends up relative. */
static int
cpio_name(struct cpio *c)
{
	uint32_t n = c->f[F_NAMESIZE];
	size_t left = c->size - c->off - CPIO_HDR_LEN;
	char *s;

	if (n == 0 || n > LINUX_PATH_MAX || n > left ||
	    cpio_read(c, c->off + CPIO_HDR_LEN, c->name, n) < 0)
		return -EINVAL;
	if (str_nlen(c->name, n) != n - 1)
		return -EINVAL;		/* no NUL, or one inside */
	c->data = align4(c->off + CPIO_HDR_LEN + n);
	if (c->data > c->size || c->f[F_FILESIZE] > c->size - c->data)
		return -EINVAL;
	for (s = c->name; s[0] == '/' || (s[0] == '.' && s[1] == '/'); )
		s += s[0] == '/' ? 1 : 2;
	memmove(c->name, s, str_len(s) + 1);
	for (n = (uint32_t)str_len(c->name); n > 0 && c->name[n - 1] == '/'; )
		c->name[--n] = '\0';
	if (str_eq(c->name, "."))
		return 0;
	for (s = c->name; *s != '\0'; s++) {
		if ((s != c->name && s[-1] != '/') || s[0] != '.')
			continue;
		if (s[1] == '/' || s[1] == '\0' || (s[1] == '.' &&
		    (s[2] == '/' || s[2] == '\0')))
			return -EINVAL;		/* "." or ".." */
	}
	return 0;
}

/*
 * The entry's data into v at offset 0: left in the boot image if v can
 * take it from there (a new ramfs file), else copied.
 */
static int
cpio_data_locked(struct cpio *c, struct vnode *v) FW_REQUIRES(&fs_lock)
{
	size_t done = 0, n, size = c->f[F_FILESIZE];
	long w;
	int err;

	if (c->image == NULL && size > 0 &&
	    (err = ramfs_adopt_image(v, c->data, size)) != -EINVAL)
		return err;

	while (done < size) {
		n = MIN(size - done, (size_t)CPIO_CHUNK);
		if (cpio_read(c, c->data + done, c->buf, n) < 0)
			return -EINVAL;
		if ((w = v->ops->write(v, c->buf, n, done)) < 0)
			return (int)w;
		if ((size_t)w != n)
			return -ENOMEM;
		done += n;
	}
	return 0;
}

/* The entry's object name in dir for a hard link, if one exists yet. */
static struct vnode *
cpio_link_find(const struct cpio *c)
{
	size_t i;

	for (i = 0; i < c->nlinks; i++) {
		if (c->links[i].ino == c->f[F_INO])
			return c->links[i].v;
	}
	return NULL;
}

static int
cpio_link_add(struct cpio *c, struct vnode *v)
{
	void *n = fw_realloc(c->links, (c->nlinks + 1) * sizeof(*c->links));

	if (n == NULL)
		return -ENOMEM;
	c->links = n;
	c->links[c->nlinks].ino = c->f[F_INO];
	c->links[c->nlinks].v = vnode_ref(v);
	c->nlinks++;
	return 0;
}

static void
cpio_links_drop(struct cpio *c)
{
	size_t i;

	for (i = 0; i < c->nlinks; i++)
		vnode_unref(c->links[i].v);
	fw_free(c->links);
	c->links = NULL;
	c->nlinks = 0;
}

/* A new object for the entry in dir; a symlink's target is its data. */
static int
cpio_create_locked(struct cpio *c, struct vnode *dir, const char *name,
    size_t len, struct vnode **out) FW_REQUIRES(&fs_lock)
{
	uint32_t type = c->f[F_MODE] & LINUX_S_IFMT, size = c->f[F_FILESIZE];
	struct vnode *v;

	switch (type) {
	case LINUX_S_IFLNK:
		if (size == 0 || size >= CPIO_CHUNK ||
		    cpio_read(c, c->data, c->buf, size) < 0)
			return -EINVAL;
		c->buf[size] = '\0';
		if (str_nlen((const char *)c->buf, size) != size)
			return -EINVAL;
		return dir->ops->create(dir, name, len, type,
		    (const char *)c->buf, out);
	case LINUX_S_IFREG:
		if (c->f[F_NLINK] >= 2 && (v = cpio_link_find(c)) != NULL) {
			int err = dir->ops->link(dir, name, len, v);

			if (err < 0)
				return err;
			*out = vnode_ref(v);
			return 0;
		}
		/* FALLTHROUGH */
	case LINUX_S_IFDIR: case LINUX_S_IFCHR: case LINUX_S_IFBLK:
	case LINUX_S_IFIFO: case LINUX_S_IFSOCK:
		return dir->ops->create(dir, name, len, type, NULL, out);
	default:
		return -EINVAL;
	}
}

/* Replaces what name holds in dir, unless both are directories. */
static int
cpio_make_locked(struct cpio *c, struct vnode *dir, const char *name,
    size_t len, struct vnode **out) FW_REQUIRES(&fs_lock)
{
	bool isdir = (c->f[F_MODE] & LINUX_S_IFMT) == LINUX_S_IFDIR;
	struct vnode *old;
	int err;

	if (dir->ops->lookup(dir, name, len, &old) == 0) {
		if (isdir && vnode_is(old, LINUX_S_IFDIR)) {
			*out = old;
			return 0;
		}
		if (vnode_is(old, LINUX_S_IFDIR) && !rdir_empty(old)) {
			vnode_unref(old);
			return -EINVAL;
		}
		err = dir->ops->unlink(dir, name, len);
		vnode_unref(old);
		if (err < 0)
			return err;
	}
	return cpio_create_locked(c, dir, name, len, out);
}

/* Creates one entry (c->name, relative, checked) under root. */
static int
cpio_entry_locked(struct cpio *c, struct vnode *root) FW_REQUIRES(&fs_lock)
{
	char *base = str_rchr(c->name, '/');
	struct vnode *dir, *v;
	size_t len;
	int err;

	if (base != NULL) {
		*base++ = '\0';
		if (vfs_mkdirs_locked(root, c->name, 0755, &dir) < 0)
			return -EINVAL;
	} else {
		base = c->name;
		dir = vnode_ref(root);
	}
	len = str_len(base);
	if (len > LINUX_NAME_MAX || (len == 1 && base[0] == '.')) {
		vnode_unref(dir);
		return -EINVAL;
	}
	err = cpio_make_locked(c, dir, base, len, &v);
	vnode_unref(dir);
	if (err < 0)
		return err;
	if (vnode_is(v, LINUX_S_IFREG)) {
		if ((err = cpio_data_locked(c, v)) == 0 && c->f[F_NLINK] >= 2 &&
		    cpio_link_find(c) == NULL)
			err = cpio_link_add(c, v);
	}
	v->mode = c->f[F_MODE];
	v->uid = c->f[F_UID];
	v->gid = c->f[F_GID];
	v->mtime = v->ctime = (uint64_t)c->f[F_MTIME] * 1000000000u;
	v->rmajor = c->f[F_RDEVMAJOR];
	v->rminor = c->f[F_RDEVMINOR];
	vnode_unref(v);
	return err;
}

static int
boot_image_read(void *ctx, size_t off, void *buf, size_t len)
{
	(void)ctx;
	return fw_boot_initrd_read(off, buf, len);
}

/* A gzip boot image, decompressed: 0 with c->image set, or -errno. */
static int
cpio_gunzip(struct cpio *c)
{
	struct gz_src src = { boot_image_read, NULL, c->size };
	uint8_t *image;
	size_t len;
	int err;

	if (!gz_is_gzip(&src))
		return 0;
	if ((err = gunzip(&src, fw_frames_total() * FW_PAGE_SIZE, &image,
	    &len)) < 0)
		return err == -ENOMEM ? err : -EINVAL;
	c->image = image;
	c->size = len;
	return 0;
}

int
cpio_unpack(struct vnode *root)
{
	struct cpio c = { .image = NULL, .size = fw_boot_initrd_size() };
	bool open_archive = false;
	uint8_t pad[4];
	size_t npad;
	int err;

	if ((err = cpio_gunzip(&c)) < 0)
		return err;
	err = -ENOMEM;
	c.name = fw_alloc(LINUX_PATH_MAX);
	c.buf = fw_alloc(CPIO_CHUNK);
	if (c.name == NULL || c.buf == NULL)
		goto out;
	fw_mutex_lock(&fs_lock);
	for (err = 0; err == 0 && c.off < c.size; ) {
		npad = MIN(c.size - c.off, sizeof(pad));
		if (!open_archive &&
		    cpio_read(&c, c.off, pad, npad) == 0 &&
		    memcmp(pad, "\0\0\0\0", npad) == 0) {
			c.off += npad;		/* padding between archives */
			continue;
		}
		open_archive = true;
		if ((err = cpio_header(&c)) < 0 || (err = cpio_name(&c)) < 0)
			break;
		if (str_eq(c.name, "TRAILER!!!"))
			open_archive = false;
		else if (c.name[0] == '\0' || str_eq(c.name, "."))
			;			/* the root itself */
		else if ((err = cpio_entry_locked(&c, root)) < 0)
			break;
		c.off = align4(c.data + c.f[F_FILESIZE]);
	}
	if (err == 0 && open_archive)
		err = -EINVAL;			/* no trailer: truncated */
	cpio_links_drop(&c);
	fw_mutex_unlock(&fs_lock);
out:
	fw_free(c.name);
	fw_free(c.buf);
	fw_free(c.image);
	return err;
}
