/* @expect 3: A union whose pointer member overlays integer bytes, directly or in a
 * member struct, can forge the pointer. */
#include <fw/types.h>

union safe_c_word {
	void		*p;
	uint64_t	 bits;
};

struct safe_c_node {
	int	type;
	union {
		struct {
			struct safe_c_node	*first;
			struct safe_c_node	*parent;
		} dir;
		struct {
			char	*data;
			size_t	 len;
		} reg;
	} u;
};

union safe_c_bytes {
	const char	*s;
	unsigned char	 raw[8];
};
