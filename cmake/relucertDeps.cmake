# relucertDeps.cmake: finds what relucert links against and defines imported targets
#   relucert::flint  FLINT and Arb (FLINT 2.x + separate Arb as on Debian 12, or FLINT >= 3 with
#                    Arb inside), with MPFR, GMP and libm: the public dependency (relucert's
#                    headers use fmpq_t, arb_t, ...).
#   relucert::zip    libzip: a private dependency (needed only to link the static library).
# Used by the build (CMakeLists.txt) and by the installed package (relucertConfig.cmake).
# Hints: the usual CMAKE_PREFIX_PATH / CMAKE_LIBRARY_PATH / CMAKE_INCLUDE_PATH.

if(NOT TARGET relucert::flint)
  find_path(RELUCERT_FLINT_INCLUDE_DIR flint/flint.h)
  find_library(RELUCERT_FLINT_LIBRARY flint)
  set(_rc_arb_lib "")
  set(_rc_arb_inc "")
  if(RELUCERT_FLINT_INCLUDE_DIR AND EXISTS "${RELUCERT_FLINT_INCLUDE_DIR}/flint/arb.h")
    set(RELUCERT_FLINT3 TRUE)              # FLINT >= 3: Arb is inside libflint
  else()
    set(RELUCERT_FLINT3 FALSE)
    find_path(RELUCERT_ARB_INCLUDE_DIR arb.h HINTS "${RELUCERT_FLINT_INCLUDE_DIR}"
              PATH_SUFFIXES arb flint)
    find_library(RELUCERT_ARB_LIBRARY NAMES flint-arb arb)
    set(_rc_arb_lib "${RELUCERT_ARB_LIBRARY}")
    set(_rc_arb_inc "${RELUCERT_ARB_INCLUDE_DIR}")
  endif()
  find_path(RELUCERT_MPFR_INCLUDE_DIR mpfr.h)
  find_library(RELUCERT_MPFR_LIBRARY mpfr)
  find_path(RELUCERT_GMP_INCLUDE_DIR gmp.h)
  find_library(RELUCERT_GMP_LIBRARY gmp)
  find_library(RELUCERT_M_LIBRARY m)
  set(relucert_DEPS_FOUND TRUE)
  foreach(v RELUCERT_FLINT_INCLUDE_DIR RELUCERT_FLINT_LIBRARY RELUCERT_MPFR_LIBRARY
            RELUCERT_GMP_LIBRARY)
    if(NOT ${v})
      set(relucert_DEPS_FOUND FALSE)
      set(relucert_DEPS_MISSING "${relucert_DEPS_MISSING} ${v}")
    endif()
  endforeach()
  if(NOT RELUCERT_FLINT3 AND (NOT RELUCERT_ARB_INCLUDE_DIR OR NOT RELUCERT_ARB_LIBRARY))
    set(relucert_DEPS_FOUND FALSE)
    set(relucert_DEPS_MISSING "${relucert_DEPS_MISSING} Arb (libflint-arb-dev)")
  endif()
  if(relucert_DEPS_FOUND)
    set(_rc_inc "${RELUCERT_FLINT_INCLUDE_DIR}")
    foreach(d ${_rc_arb_inc} ${RELUCERT_MPFR_INCLUDE_DIR} ${RELUCERT_GMP_INCLUDE_DIR})
      list(APPEND _rc_inc "${d}")
    endforeach()
    list(REMOVE_DUPLICATES _rc_inc)
    set(_rc_libs ${_rc_arb_lib} "${RELUCERT_FLINT_LIBRARY}" "${RELUCERT_MPFR_LIBRARY}"
                 "${RELUCERT_GMP_LIBRARY}")
    if(RELUCERT_M_LIBRARY)
      list(APPEND _rc_libs "${RELUCERT_M_LIBRARY}")
    endif()
    add_library(relucert::flint INTERFACE IMPORTED)
    set_target_properties(relucert::flint PROPERTIES
      INTERFACE_INCLUDE_DIRECTORIES "${_rc_inc}"
      INTERFACE_LINK_LIBRARIES "${_rc_libs}")
  endif()
endif()

if(NOT TARGET relucert::zip)
  find_path(RELUCERT_ZIP_INCLUDE_DIR zip.h)
  find_library(RELUCERT_ZIP_LIBRARY zip)
  if(RELUCERT_ZIP_INCLUDE_DIR AND RELUCERT_ZIP_LIBRARY)
    add_library(relucert::zip INTERFACE IMPORTED)
    set_target_properties(relucert::zip PROPERTIES
      INTERFACE_INCLUDE_DIRECTORIES "${RELUCERT_ZIP_INCLUDE_DIR}"
      INTERFACE_LINK_LIBRARIES "${RELUCERT_ZIP_LIBRARY}")
  else()
    set(relucert_DEPS_FOUND FALSE)
    set(relucert_DEPS_MISSING "${relucert_DEPS_MISSING} libzip")
  endif()
endif()
