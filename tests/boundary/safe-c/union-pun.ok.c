/* Unions of integers only, of pointers only, or whose pointers line up
 * with pointers, cannot forge a pointer. */
#include <fw/types.h>

union safe_c_num {
	uint64_t	u;
	int64_t		s;
	unsigned char	raw[8];
};

struct safe_c_node {
	int	type;
	union {
		struct {
			struct safe_c_node	*first;
			uint64_t		 cookie;
		} dir;
		struct {
			char		*data;
			size_t		 len;
		} reg;
		const char	*target;
	} u;
};
